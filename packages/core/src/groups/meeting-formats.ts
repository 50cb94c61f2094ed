import { getTypesForLanguage, isMeetingType, type MeetingType } from '@code4recovery/spec';

/**
 * Meeting formats, as the Meeting Guide type codes (the community's own vocabulary), so a group
 * in the facility and a community meeting a client is referred to are described alike.
 * These are the codes that describe how an in-facility group is run.
 */
export const GROUP_FORMAT_CODES = [
  'O',
  'C',
  'D',
  'SP',
  'ST',
  'B',
  'LIT',
  '12x12',
  'TR',
  'MED',
  '11',
  'DR',
  'ABSI',
  'LS',
  'BE',
  'W',
  'M',
  'Y',
  'LGBTQ',
  'DD',
  'A',
] as const satisfies readonly MeetingType[];

export type GroupFormatCode = (typeof GROUP_FORMAT_CODES)[number];

export function isGroupFormatCode(code: string): code is GroupFormatCode {
  return (GROUP_FORMAT_CODES as readonly string[]).includes(code) && isMeetingType(code);
}

export type FormatLanguage = 'en' | 'es';

/** The human name of a format code, from the spec's translations. */
export function formatName(code: GroupFormatCode, language: FormatLanguage = 'en'): string {
  return getTypesForLanguage(language)[code];
}

/** A meeting cannot be both open and closed. */
export function formatConflict(codes: readonly string[]): string | null {
  if (codes.includes('O') && codes.includes('C')) {
    return 'A meeting is either open or closed, not both.';
  }
  return null;
}
