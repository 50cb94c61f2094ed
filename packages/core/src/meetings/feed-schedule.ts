import { WEEKDAY_NAMES } from './meeting';

/**
 * Days and times as feeds send them: numbers or names, 24- or 12-hour clocks, "00:00" when
 * nobody filled the time in, end times before the start. Normalised to day 0–6 and 'HH:MM'.
 */

export type ScheduleFixCode =
  | 'day-names'
  | 'twelve-hour-time'
  | 'no-time'
  | 'midnight-placeholder'
  | 'no-end-time'
  | 'unreadable-end-time'
  | 'end-not-after-start';

export type Failure = { ok: false; reason: string };

/** `days` is null when the feed gave no day: a meeting by appointment. */
export type ParsedDays = { ok: true; days: number[] | null; fromNames: boolean } | Failure;

const DAY_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ['sunday sun su domingo dom do', 0],
    ['monday mon mo lunes lun lu', 1],
    ['tuesday tue tues tu martes mar ma', 2],
    ['wednesday wed we miercoles mie mi', 3],
    ['thursday thu thur thurs th jueves jue ju', 4],
    ['friday fri fr viernes vie vi', 5],
    ['saturday sat sa sabado sab', 6],
  ].flatMap(([words, day]) =>
    String(words)
      .split(' ')
      .map((word): [string, number] => [word, Number(day)]),
  ),
);

export function parseDays(value: unknown): ParsedDays {
  const items = Array.isArray(value) ? value : [value];
  const days = new Set<number>();
  let fromNames = false;
  for (const item of items) {
    if (item === undefined || item === null || item === '') {
      continue;
    }
    const day = parseDay(item);
    if (day === null) {
      return {
        ok: false,
        reason: `day "${shown(item)}" is not a weekday (0 = Sunday … 6 = Saturday)`,
      };
    }
    fromNames ||= typeof item === 'string' && !/^\s*\d+\s*$/.test(item);
    days.add(day);
  }
  return { ok: true, days: days.size === 0 ? null : [...days].sort((a, b) => a - b), fromNames };
}

function parseDay(item: unknown): number | null {
  if (typeof item === 'number') {
    return Number.isInteger(item) && item >= 0 && item <= 6 ? item : null;
  }
  if (typeof item !== 'string') {
    return null;
  }
  const word = item.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '').trim();
  if (/^\d+$/.test(word)) {
    return parseDay(Number(word));
  }
  return DAY_WORDS.get(word) ?? null;
}

/** A value as it appears in a skip reason: short, and never "[object Object]". */
export function shown(value: unknown): string {
  // JSON.stringify gives undefined for undefined; String() covers that.
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function dayName(day: number): string {
  return WEEKDAY_NAMES[day] ?? String(day);
}

type ParsedTime =
  | { kind: 'missing' }
  | { kind: 'invalid' }
  | { kind: 'ok'; minutes: number; twelveHour: boolean };

const TWENTY_FOUR_HOUR = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/;
const TWELVE_HOUR = /^(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*([ap])\.?\s*m\.?$/;

export function parseTime(value: unknown): ParsedTime {
  if (value === undefined || value === null || value === '') {
    return { kind: 'missing' };
  }
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'noon' || text === 'midnight') {
    return { kind: 'ok', minutes: text === 'noon' ? 12 * 60 : 0, twelveHour: true };
  }
  const plain = TWENTY_FOUR_HOUR.exec(text);
  if (plain) {
    const [hours, minutes] = [Number(plain[1]), Number(plain[2])];
    // "24:00" is how some exports write an end at midnight.
    const valid = minutes < 60 && (hours < 24 || (hours === 24 && minutes === 0));
    return valid
      ? { kind: 'ok', minutes: (hours % 24) * 60 + minutes, twelveHour: false }
      : invalid();
  }
  const twelve = TWELVE_HOUR.exec(text);
  if (twelve) {
    const [hours, minutes] = [Number(twelve[1]), Number(twelve[2] ?? 0)];
    if (hours < 1 || hours > 12 || minutes > 59) {
      return invalid();
    }
    const afternoon = twelve[3] === 'p' ? 12 * 60 : 0;
    return { kind: 'ok', minutes: (hours % 12) * 60 + minutes + afternoon, twelveHour: true };
  }
  return invalid();
}

function invalid(): ParsedTime {
  return { kind: 'invalid' };
}

export function formatMinutes(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(wrapped / 60))}:${pad(wrapped % 60)}`;
}

export type ResolvedTimes =
  | { ok: true; startTime: string | null; endTime: string | null; fixes: ScheduleFixCode[] }
  | Failure;

const DEFAULT_LENGTH = 60;
const EVENING = 18 * 60;
const EARLY_MORNING = 6 * 60;

/** Start and end of a meeting, with the repairs the domain notes describe. */
export function resolveTimes(rawStart: unknown, rawEnd: unknown, hasDay: boolean): ResolvedTimes {
  const start = parseTime(rawStart);
  if (start.kind === 'invalid') {
    return { ok: false, reason: `time "${shown(rawStart)}" is not a time of day` };
  }
  if (start.kind === 'missing') {
    // A day without a time is still worth listing; no day and no time is "by appointment".
    return { ok: true, startTime: null, endTime: null, fixes: hasDay ? ['no-time'] : [] };
  }
  if (!hasDay) {
    // Listing it "by appointment" would tell a client the wrong thing; the feed needs fixing.
    return { ok: false, reason: `time "${shown(rawStart)}" is given but no day` };
  }
  const fixes = new Set<ScheduleFixCode>();
  let end = parseTime(rawEnd);
  if (end.kind === 'invalid') {
    fixes.add('unreadable-end-time');
    end = { kind: 'missing' };
  }
  if (start.twelveHour || (end.kind === 'ok' && end.twelveHour)) {
    fixes.add('twelve-hour-time');
  }
  const endMinutes = end.kind === 'ok' ? end.minutes : null;
  if (start.minutes === 0 && (endMinutes === null || endMinutes === 0)) {
    fixes.add('midnight-placeholder');
    return { ok: true, startTime: null, endTime: null, fixes: [...fixes] };
  }
  const endTime = endOf(start.minutes, endMinutes, fixes);
  return { ok: true, startTime: formatMinutes(start.minutes), endTime, fixes: [...fixes] };
}

function endOf(start: number, end: number | null, fixes: Set<ScheduleFixCode>): string {
  if (end === null) {
    fixes.add('no-end-time');
    return formatMinutes(start + DEFAULT_LENGTH);
  }
  if (end > start || (start >= EVENING && end <= EARLY_MORNING)) {
    // The second case is an overnight meeting (23:00–00:30), which exists.
    return formatMinutes(end);
  }
  fixes.add('end-not-after-start');
  return formatMinutes(start + DEFAULT_LENGTH);
}
