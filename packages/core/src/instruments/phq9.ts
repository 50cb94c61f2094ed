import type { AnswerOption, InstrumentDefinition } from './types';

/** The PHQ-9 stem, which the GAD-7 shares. */
export const TWO_WEEK_STEM =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

/** The PHQ-9 answers, which the GAD-7 shares. */
export const TWO_WEEK_FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', score: 0 },
  { value: 1, label: 'Several days', score: 1 },
  { value: 2, label: 'More than half the days', score: 2 },
  { value: 3, label: 'Nearly every day', score: 3 },
];

export const PHQ9: InstrumentDefinition = {
  code: 'phq9',
  version: 1,
  name: 'Patient Health Questionnaire',
  shortName: 'PHQ-9',
  measures: 'Depression: how often its symptoms have bothered the client.',
  stem: TWO_WEEK_STEM,
  recallPeriod: 'Past 2 weeks',
  items: [
    {
      id: '1',
      text: 'Little interest or pleasure in doing things',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44250-9',
    },
    {
      id: '2',
      text: 'Feeling down, depressed, or hopeless',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44255-8',
    },
    {
      id: '3',
      text: 'Trouble falling or staying asleep, or sleeping too much',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44259-0',
    },
    {
      id: '4',
      text: 'Feeling tired or having little energy',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44254-1',
    },
    {
      id: '5',
      text: 'Poor appetite or overeating',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44251-7',
    },
    {
      id: '6',
      text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44258-2',
    },
    {
      id: '7',
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44252-5',
    },
    {
      id: '8',
      text: 'Moving or speaking so slowly that other people could have noticed. Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      loinc: '44253-3',
    },
    {
      id: '9',
      text: 'Thoughts that you would be better off dead, or of hurting yourself in some way',
      response: { kind: 'choice', options: TWO_WEEK_FREQUENCY },
      required: true,
      scored: true,
      // check: the sources disagree on this code; confirm it before any export relies on it.
      loinc: '44260-8',
    },
  ],
  total: { min: 0, max: 27 },
  subscales: [],
  bands: [
    { from: 0, to: 4, label: 'Minimal', level: 0 },
    { from: 5, to: 9, label: 'Mild', level: 1 },
    { from: 10, to: 14, label: 'Moderate', level: 2 },
    { from: 15, to: 19, label: 'Moderately severe', level: 3 },
    { from: 20, to: 27, label: 'Severe', level: 4 },
  ],
  cutOffLines: [
    { score: 5, label: '5: mild' },
    { score: 10, label: '10: moderate' },
    { score: 15, label: '15: moderately severe' },
    { score: 20, label: '20: severe' },
  ],
  higherIsBetter: false,
  // Any answer above "Not at all" on item 9 matters, whatever the total.
  safety: [
    {
      itemId: '9',
      atLeast: 1,
      message:
        "Answered item 9 (thoughts of being better off dead or of self-harm) above 'Not at all'. " +
        "Follow your facility's suicide-risk protocol today.",
    },
  ],
  licence: 'Copyright Pfizer; no permission is needed to reproduce it.',
  source: 'Kroenke, Spitzer and Williams (2001), developed with a grant from Pfizer.',
  loinc: { panel: '44249-1', total: '44261-6' },
};
