import type { InstrumentDefinition } from './types';

export const AUDITC: InstrumentDefinition = {
  code: 'auditc',
  version: 1,
  name: 'Alcohol Use Disorders Identification Test – Consumption',
  shortName: 'AUDIT-C',
  measures: 'Drinking: how often, how much, and how often heavily.',
  stem: 'These questions are about your drinking in the past year.',
  recallPeriod: 'Past year',
  items: [
    {
      id: '1',
      text: 'How often did you have a drink containing alcohol in the past year?',
      response: {
        kind: 'choice',
        options: [
          { value: 0, label: 'Never', score: 0 },
          { value: 1, label: 'Monthly or less', score: 1 },
          { value: 2, label: '2–4 times a month', score: 2 },
          { value: 3, label: '2–3 times a week', score: 3 },
          { value: 4, label: '4 or more times a week', score: 4 },
        ],
      },
      required: true,
      scored: true,
    },
    {
      id: '2',
      text: 'On days in the past year when you drank alcohol, how many drinks did you typically drink?',
      response: {
        kind: 'choice',
        options: [
          { value: 0, label: '0–2', score: 0 },
          { value: 1, label: '3–4', score: 1 },
          { value: 2, label: '5–6', score: 2 },
          { value: 3, label: '7–9', score: 3 },
          { value: 4, label: '10 or more', score: 4 },
        ],
      },
      required: true,
      scored: true,
    },
    {
      id: '3',
      text: 'How often did you have 6 or more drinks on one occasion in the past year?',
      response: {
        kind: 'choice',
        options: [
          { value: 0, label: 'Never', score: 0 },
          { value: 1, label: 'Less than monthly', score: 1 },
          { value: 2, label: 'Monthly', score: 2 },
          { value: 3, label: 'Weekly', score: 3 },
          { value: 4, label: 'Daily or almost daily', score: 4 },
        ],
      },
      required: true,
      scored: true,
    },
  ],
  total: { min: 0, max: 12 },
  subscales: [],
  // The threshold depends on sex, which the score alone does not know: 3 is positive for women only.
  bands: [
    { from: 0, to: 2, label: 'Below screening threshold', level: 0 },
    { from: 3, to: 3, label: 'Positive for women', level: 1 },
    { from: 4, to: 12, label: 'Positive (men ≥ 4, women ≥ 3)', level: 2 },
  ],
  cutOffLines: [
    { score: 3, label: '3: positive for women' },
    { score: 4, label: '4: positive for men' },
  ],
  higherIsBetter: false,
  safety: [],
  licence: 'A derivative of the WHO AUDIT; its terms follow those of the AUDIT.',
  source: 'Bush and colleagues (1998), from the World Health Organization AUDIT.',
  loinc: { panel: '72109-2' },
};
