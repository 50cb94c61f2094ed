/** The first name whose pattern the user-agent string matches, checked in this order. */
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPad/, 'iPad'],
  [/iPhone/, 'iPhone'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'Mac'],
  [/Linux/, 'Linux'],
];

const firstMatch = (text: string, names: [RegExp, string][], otherwise: string) =>
  names.find(([pattern]) => pattern.test(text))?.[1] ?? otherwise;

/** A short name for a browser from its user-agent string: enough to tell devices apart. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  return `${firstMatch(userAgent, BROWSERS, 'Browser')} on ${firstMatch(userAgent, SYSTEMS, 'unknown system')}`;
}
