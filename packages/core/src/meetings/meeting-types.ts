import { getTypesForLanguage, type MeetingType } from '@code4recovery/spec';

/**
 * Meeting Guide type codes as feeds really send them: arrays or comma-separated text, lower-case
 * codes, English or Spanish names, misspelt names. The codes and their names come from
 * `@code4recovery/spec`, so a new spec release brings new codes without a change here.
 */

export type TypeLanguage = 'en' | 'es';

const TYPE_NAMES: Record<TypeLanguage, Record<MeetingType, string>> = {
  en: getTypesForLanguage('en'),
  es: getTypesForLanguage('es'),
};

/**
 * 'ONL' (online) was dropped from the spec in 2022 in favour of conference links, but most feeds
 * still send it, so it is read rather than reported as unknown.
 */
export const ONLINE_CODE = 'ONL';
/** 'TC' (location temporarily closed): online when the meeting has a link, inactive when not. */
export const TEMPORARILY_CLOSED_CODE = 'TC';

const ONLINE_NAMES: Record<TypeLanguage, string> = { en: 'Online', es: 'En línea' };

/** True for a code of the spec. `isMeetingType` uses `in`, which also accepts 'toString'. */
export function isSpecCode(code: string): code is MeetingType {
  return Object.hasOwn(TYPE_NAMES.en, code);
}

/** The spec's codes that name the language a meeting is held in (ASL counts: it is one). */
export const LANGUAGE_TYPE_CODES = [
  'AF',
  'AM',
  'AR',
  'ASL',
  'BG',
  'DA',
  'DE',
  'EL',
  'EN',
  'FA',
  'FI',
  'FR',
  'HE',
  'HI',
  'HR',
  'HU',
  'IS',
  'ITA',
  'JA',
  'KA',
  'KOR',
  'LT',
  'ML',
  'MT',
  'NE',
  'NL',
  'NO',
  'POL',
  'POR',
  'PUN',
  'RUS',
  'S',
  'SK',
  'SL',
  'SV',
  'TH',
  'TL',
  'TUR',
  'UK',
] as const satisfies readonly MeetingType[];

/**
 * The codes that say whom a meeting is for, for a "for whom" filter when referring a client:
 * gender, sexuality, age, background, newcomers and people with a dual diagnosis.
 */
export const COMMUNITY_FILTER_CODES = [
  'W',
  'M',
  'LGBTQ',
  'G',
  'L',
  'BI',
  'T',
  'NB',
  'Y',
  'SEN',
  'POC',
  'N',
  'NDG',
  'P',
  'BE',
  'DD',
] as const satisfies readonly MeetingType[];

const LANGUAGE_CODE_SET: ReadonlySet<string> = new Set(LANGUAGE_TYPE_CODES);

export function isLanguageCode(code: string): boolean {
  return LANGUAGE_CODE_SET.has(code);
}

/** The name of a type code in English or Spanish; an unknown code is returned as given. */
export function typeName(code: string, language: TypeLanguage = 'en'): string {
  if (isSpecCode(code)) {
    return TYPE_NAMES[language][code];
  }
  return code.toUpperCase() === ONLINE_CODE ? ONLINE_NAMES[language] : code;
}

/** Repairs made while reading types, counted by the importer. */
export type TypeFixCode =
  | 'types-as-text'
  | 'lower-case-type-codes'
  | 'types-as-names'
  | 'misspelt-types'
  | 'onl-code';

export interface ResolvedTypes {
  /** Spec codes, de-duplicated and sorted. */
  codes: string[];
  /** Words that match no type, trimmed, as given. */
  unknown: string[];
  /** The feed said ONL (or "Online"), which is not a spec code. */
  online: boolean;
  fixes: TypeFixCode[];
}

type TokenMatch = { code: string; fix: TypeFixCode | null } | null;

export function resolveTypes(value: unknown): ResolvedTypes {
  const codes = new Set<string>();
  const unknown = new Set<string>();
  const fixes = new Set<TypeFixCode>();
  if (typeof value === 'string') {
    fixes.add('types-as-text');
  }
  for (const token of typeTokens(value)) {
    const match = matchToken(token);
    if (match === null) {
      unknown.add(token);
      continue;
    }
    codes.add(match.code);
    if (match.fix !== null) {
      fixes.add(match.fix);
    }
  }
  const online = codes.delete(ONLINE_CODE);
  if (online) {
    fixes.add('onl-code');
  }
  return { codes: [...codes].sort(), unknown: [...unknown], online, fixes: [...fixes] };
}

/** Splits on commas and semicolons even inside an array: ["O, D"] is seen in the wild. */
function typeTokens(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .flatMap((item) => String(item).split(/[,;]/))
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

const UPPER_CASE_CODES = new Map(
  [...Object.keys(TYPE_NAMES.en), ONLINE_CODE].map((code) => [code.toUpperCase(), code]),
);

function matchToken(token: string): TokenMatch {
  if (isSpecCode(token) || token === ONLINE_CODE) {
    return { code: token, fix: null };
  }
  const code = UPPER_CASE_CODES.get(token.toUpperCase());
  if (code !== undefined) {
    // ONL in any case is counted under its own fix, so lower case is not counted twice.
    return { code, fix: code === ONLINE_CODE ? null : 'lower-case-type-codes' };
  }
  return matchName(comparableName(token));
}

/** Lower case, no accents, single spaces: "Discusión", "discusion" and "DISCUSION" compare equal. */
function comparableName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const NAME_TO_CODE: ReadonlyMap<string, string> = buildNameIndex();

function buildNameIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const language of ['en', 'es'] as const) {
    for (const [code, name] of Object.entries(TYPE_NAMES[language])) {
      if (!index.has(comparableName(name))) {
        index.set(comparableName(name), code);
      }
    }
    index.set(comparableName(ONLINE_NAMES[language]), ONLINE_CODE);
  }
  return index;
}

/** Typos are only forgiven in names of five letters or more: "Men" and "Man" are not a typo. */
const MIN_FUZZY_LENGTH = 5;

function matchName(name: string): TokenMatch {
  const exact = NAME_TO_CODE.get(name);
  if (exact !== undefined) {
    return { code: exact, fix: 'types-as-names' };
  }
  const near = new Set<string>();
  for (const [candidate, code] of NAME_TO_CODE) {
    if (candidate.length >= MIN_FUZZY_LENGTH && withinOneEdit(name, candidate)) {
      near.add(code);
    }
  }
  // Two different codes one typo away: guessing would be worse than saying "unknown".
  const [only] = near;
  return near.size === 1 && only !== undefined ? { code: only, fix: 'misspelt-types' } : null;
}

/** Levenshtein distance ≤ 1, without building the full matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) {
    return false;
  }
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i += 1;
  }
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
