/** Fictional excuse reasons and meeting topics shared by the demo and scale seeds. */
export const EXCUSES = [
  'Medical appointment',
  'Court date',
  'Family visit',
  'Unwell',
  'Individual session',
];
export const TOPICS = [
  'Acceptance',
  'Gratitude',
  'Fear',
  'Resentment',
  'Honesty',
  'Willingness',
  'Patience',
  'Service',
];
