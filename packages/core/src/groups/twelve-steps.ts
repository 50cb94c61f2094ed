/** Short labels of the Twelve Steps, for step focus and step work. */
export const TWELVE_STEPS = [
  'Admitted powerlessness',
  'Came to believe',
  'Decided to turn it over',
  'Moral inventory',
  'Admitted the exact nature of wrongs',
  'Entirely ready',
  'Humbly asked',
  'Listed those harmed',
  'Made amends',
  'Continued inventory',
  'Prayer and meditation',
  'Carried the message',
] as const;

export function stepLabel(step: number): string {
  const label = TWELVE_STEPS[step - 1];
  return label ? `Step ${step}: ${label}` : `Step ${step}`;
}
