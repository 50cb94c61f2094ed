/**
 * Single feed fields, read leniently: every function takes whatever the feed holds (a string,
 * a number, null, an object) and returns a clean value or null. None of them throws.
 */

/** A field value, read and cleaned; `invalid` when the feed gave something and it was unusable. */
export interface Checked<T> {
  value: T | null;
  invalid: boolean;
}

const absent = <T>(): Checked<T> => ({ value: null, invalid: false });
const rejected = <T>(): Checked<T> => ({ value: null, invalid: true });
const accepted = <T>(value: T): Checked<T> => ({ value, invalid: false });

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** Free text: Windows line ends made plain, trimmed; whitespace-only (padding in forms) is null. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
}

/** A one-line label (name, location): runs of whitespace become one space. */
export function cleanLabel(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return cleanText(text)?.replace(/\s+/g, ' ') ?? null;
}

/** Strings and numbers (postal codes and phone numbers are sometimes integers). */
export function textOrNumber(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : cleanLabel(value);
}

/** Only http and https links are kept: anything else cannot be opened from the app. */
export function httpUrl(value: unknown): Checked<string> {
  if (isBlank(value)) {
    return absent();
  }
  const text = typeof value === 'string' ? value.trim() : '';
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? accepted(text) : rejected();
  } catch {
    return rejected();
  }
}

/** A time zone the runtime knows, in its canonical spelling ("america/chicago" is accepted). */
export function timeZone(value: unknown): Checked<string> {
  if (isBlank(value)) {
    return absent();
  }
  if (typeof value !== 'string') {
    return rejected();
  }
  try {
    return accepted(
      new Intl.DateTimeFormat(undefined, { timeZone: value.trim() }).resolvedOptions().timeZone,
    );
  } catch {
    return rejected();
  }
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** 0,0 is in the sea off Africa: a form left blank, not a meeting place. */
export function coordinates(latitude: unknown, longitude: unknown): Checked<Coordinates> {
  if (isBlank(latitude) && isBlank(longitude)) {
    return absent();
  }
  const lat = finiteNumber(latitude);
  const lng = finiteNumber(longitude);
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return rejected();
  }
  if (lat === 0 && lng === 0) {
    return rejected();
  }
  // Six decimals is about 10 cm: more is noise from geocoders.
  return accepted({ latitude: round6(lat), longitude: round6(lng) });
}

function finiteNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const US_DATE_TIME =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?)?$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the listing last changed, as an ISO timestamp. Feeds give local times without a zone
 * ("2023-08-22 21:29:56", "8/25/2022 11:17:07 AM"); they are read as UTC, which is close enough
 * for "changed recently". A date more than a day after `now` is a clock or data error.
 */
export function updatedAt(value: unknown, now: Date): Checked<string> {
  if (isBlank(value)) {
    return absent();
  }
  const text = typeof value === 'string' ? value.trim() : '';
  const time = parseTimestamp(text);
  if (time === null || time > now.getTime() + DAY_MS) {
    return rejected();
  }
  return accepted(new Date(time).toISOString());
}

function parseTimestamp(text: string): number | null {
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [year, month, day, hours, minutes, seconds] = local.slice(1).map((p) => Number(p ?? 0));
    return utc(year, month, day, hours, minutes, seconds);
  }
  const us = US_DATE_TIME.exec(text);
  if (us) {
    const [month, day, year, hours, minutes, seconds] = us.slice(1, 7).map((p) => Number(p ?? 0));
    const meridiem = us[7]?.toLowerCase();
    const hours24 =
      meridiem === undefined ? hours : ((hours ?? 0) % 12) + (meridiem === 'p' ? 12 : 0);
    if (meridiem !== undefined && (hours === undefined || hours < 1 || hours > 12)) {
      return null;
    }
    return utc(year, month, day, hours24, minutes, seconds);
  }
  if (ZONED_ISO.test(text)) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? null : time;
  }
  return null;
}

/** Date.UTC rolls 31 February into March; checking the parts back catches impossible dates. */
function utc(...parts: (number | undefined)[]): number | null {
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = parts;
  const time = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const date = new Date(time);
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hours &&
    date.getUTCMinutes() === minutes &&
    date.getUTCSeconds() === seconds;
  return same ? time : null;
}

/** `regions` (an array, outermost first) or the older `region` and `sub_region` strings. */
export function regionsOf(row: Record<string, unknown>): string[] {
  const given = Array.isArray(row.regions) ? row.regions : [row.region, row.sub_region];
  const names = given.map(cleanLabel).filter((name): name is string => name !== null);
  return [...new Set(names)];
}

export interface Address {
  formattedAddress: string | null;
  city: string | null;
  postalCode: string | null;
  /** A street address someone can walk to, not only a city or a postal code. */
  hasStreetAddress: boolean;
}

/** `formatted_address`, or the parts; Edmonton puts the whole address in `address`, which works. */
export function addressOf(row: Record<string, unknown>): Address {
  const street = cleanLabel(row.address);
  const city = cleanLabel(row.city);
  const postalCode = textOrNumber(row.postal_code);
  const formatted = cleanLabel(row.formatted_address);
  const parts = [street, city, cleanLabel(row.state), postalCode, cleanLabel(row.country)];
  const joined = parts.filter((part): part is string => part !== null).join(', ');
  return {
    formattedAddress: formatted ?? (joined === '' ? null : joined),
    city,
    postalCode,
    hasStreetAddress: formatted !== null || street !== null,
  };
}
