/** Calendar dates are ISO strings (YYYY-MM-DD); "today" depends on the facility's time zone. */
export type IsoDate = string;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

// Building a formatter costs ~50 µs and formatting with one ~1 µs: keep one per time zone.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at `instant` in the IANA time zone `tz`. */
export function dateInTimeZone(instant: Date, tz: string): IsoDate {
  let formatter = dateFormatters.get(tz);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(tz, formatter);
  }
  return formatter.format(instant);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(
    (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000,
  );
}

const readable = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date as staff read it, e.g. "Nov 10, 2026": for messages and screens alike. */
export function readableDate(date: IsoDate): string {
  return readable.format(new Date(`${date}T00:00:00Z`));
}

/** The later of two calendar dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** The earlier of two calendar dates. */
export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
