import type { AnswerOption, DayBand, InstrumentDefinition, ItemResponse } from './types';

const DAY_BANDS: readonly DayBand[] = [
  { from: 0, to: 0, score: 0 },
  { from: 1, to: 3, score: 1 },
  { from: 4, to: 8, score: 2 },
  { from: 9, to: 15, score: 3 },
  { from: 16, to: 30, score: 4 },
];

const DAYS: ItemResponse = { kind: 'days', max: 30, bands: DAY_BANDS };

const HEALTH: readonly AnswerOption[] = [
  { value: 0, label: 'Excellent', score: 0 },
  { value: 1, label: 'Very good', score: 1 },
  { value: 2, label: 'Good', score: 2 },
  { value: 3, label: 'Fair', score: 3 },
  { value: 4, label: 'Poor', score: 4 },
];

const HOW_MUCH: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', score: 0 },
  { value: 1, label: 'Slightly', score: 1 },
  { value: 2, label: 'Moderately', score: 2 },
  { value: 3, label: 'Considerably', score: 3 },
  { value: 4, label: 'Extremely', score: 4 },
];

// Stored as 0/1 like any yes/no answer, but a Yes is worth 4 on the Protective subscale.
const NO_YES: readonly AnswerOption[] = [
  { value: 0, label: 'No', score: 0 },
  { value: 1, label: 'Yes', score: 4 },
];

export const BAM: InstrumentDefinition = {
  code: 'bam',
  version: 1,
  name: 'Brief Addiction Monitor',
  shortName: 'BAM',
  measures: 'Alcohol and drug use, risk factors for relapse and factors that protect recovery.',
  stem: 'In the past 30 days, …',
  recallPeriod: 'Past 30 days',
  items: [
    {
      id: '1',
      text: 'Would you say your physical health has been:',
      response: { kind: 'choice', options: HEALTH },
      required: true,
      scored: true,
    },
    {
      id: '2',
      text: 'How many nights did you have trouble falling asleep or staying asleep?',
      response: DAYS,
      required: true,
      scored: true,
    },
    {
      id: '3',
      text: 'How many days have you felt depressed, anxious, angry or very upset throughout most of the day?',
      response: DAYS,
      required: true,
      scored: true,
    },
    {
      id: '4',
      text: 'How many days did you drink ANY alcohol?',
      response: DAYS,
      required: true,
      scored: true,
    },
    {
      id: '5',
      text: 'How many days did you have at least 5 drinks (if you are a man) or at least 4 drinks (if you are a woman)?',
      response: DAYS,
      required: true,
      scored: true,
    },
    {
      id: '6',
      text: 'How many days did you use any illegal/street drugs or abuse any prescription medications?',
      response: DAYS,
      required: true,
      scored: true,
    },
    // Item 7 breaks item 6 down by drug: useful to the counselor, counted in no subscale.
    {
      id: '7a',
      text: 'Days of use of: marijuana',
      response: DAYS,
      required: false,
      scored: false,
    },
    {
      id: '7b',
      text: 'Days of use of: sedatives/tranquilizers',
      response: DAYS,
      required: false,
      scored: false,
    },
    {
      id: '7c',
      text: 'Days of use of: cocaine/crack',
      response: DAYS,
      required: false,
      scored: false,
    },
    {
      id: '7d',
      text: 'Days of use of: other stimulants',
      response: DAYS,
      required: false,
      scored: false,
    },
    {
      id: '7e',
      text: 'Days of use of: opiates',
      response: DAYS,
      required: false,
      scored: false,
    },
    {
      id: '7f',
      text: 'Days of use of: inhalants',
      response: DAYS,
      required: false,
      scored: false,
    },
    {
      id: '7g',
      text: 'Days of use of: other drugs',
      response: DAYS,
      required: false,
      scored: false,
    },
    {
      id: '8',
      text: 'How much were you bothered by cravings or urges to drink alcohol or use drugs?',
      response: { kind: 'choice', options: HOW_MUCH },
      required: true,
      scored: true,
    },
    {
      id: '9',
      text: 'How confident are you in your ability to be completely abstinent (clean) from alcohol and drugs in the next 30 days?',
      response: { kind: 'choice', options: HOW_MUCH },
      required: true,
      scored: true,
    },
    {
      id: '10',
      text: 'How many days did you attend self-help meetings like AA or NA to support your recovery?',
      response: DAYS,
      required: true,
      scored: true,
    },
    {
      id: '11',
      text: 'How many days were you in any situations or with any people that might put you at an increased risk for using alcohol or drugs?',
      response: DAYS,
      required: true,
      scored: true,
    },
    {
      id: '12',
      text: 'Does your religion or spirituality help support your recovery?',
      response: { kind: 'choice', options: HOW_MUCH },
      required: true,
      scored: true,
    },
    {
      id: '13',
      text: 'How many days did you spend much of the time at work, school, or doing volunteer work?',
      response: DAYS,
      required: true,
      scored: true,
    },
    {
      id: '14',
      text: 'Do you have enough income (from legal sources) to pay for necessities such as housing, transportation, food and clothing for yourself and your dependents?',
      response: { kind: 'choice', options: NO_YES },
      required: true,
      scored: true,
    },
    {
      id: '15',
      text: 'How much have you been bothered by arguments or problems getting along with any family members or friends?',
      response: { kind: 'choice', options: HOW_MUCH },
      required: true,
      scored: true,
    },
    {
      id: '16',
      text: 'How many days did you contact or spend time with any family members or friends who are supportive of your recovery?',
      response: DAYS,
      required: true,
      scored: true,
    },
    // Asked for the conversation with the client; it belongs to no subscale.
    {
      id: '17',
      text: 'How satisfied are you with your progress toward achieving your recovery goals?',
      response: { kind: 'choice', options: HOW_MUCH },
      required: true,
      scored: false,
    },
  ],
  // The BAM is read by its three subscales; a sum of all items would mix risk with protection.
  total: null,
  subscales: [
    {
      id: 'use',
      label: 'Use',
      items: ['4', '5', '6'],
      flag: { when: 'at_least', score: 1, label: 'Any alcohol or drug use' },
    },
    {
      id: 'risk',
      label: 'Risk',
      items: ['1', '2', '3', '8', '11', '15'],
      flag: { when: 'at_least', score: 12, label: 'High risk of relapse' },
    },
    {
      id: 'protective',
      label: 'Protective',
      items: ['9', '10', '12', '13', '14', '16'],
      flag: { when: 'at_most', score: 12, label: 'Low protection' },
    },
  ],
  bands: [],
  cutOffLines: [
    { score: 1, label: 'Use: any use (≥ 1)', subscale: 'use' },
    { score: 12, label: 'Risk: high (≥ 12)', subscale: 'risk' },
    { score: 12, label: 'Protective: low (≤ 12)', subscale: 'protective' },
  ],
  // For Use and Risk lower is better; Protective runs the other way, as its flag shows.
  higherIsBetter: false,
  safety: [],
  licence: 'Developed by the US Department of Veterans Affairs; in the public domain.',
  source: 'US Department of Veterans Affairs (Cacciola and colleagues, 2013).',
};
