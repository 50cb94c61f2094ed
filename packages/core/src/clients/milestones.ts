import { addDays, daysBetween, type IsoDate } from '../dates';

/** One milestone: so many days, months or years after the sobriety date. */
export interface Milestone {
  amount: number;
  unit: 'day' | 'month' | 'year';
}

/** A fellowship's milestones; `yearly` adds every whole year not already listed. */
export interface MilestoneSet {
  milestones: Milestone[];
  yearly: boolean;
}

/** The common set: 24 hours, 30/60/90 days, 6 and 9 months, 1 year, 18 months, then every year. */
export const DEFAULT_MILESTONES = '24h, 30d, 60d, 90d, 6m, 9m, 1y, 18m, yearly';

/** NA keytag colours, by milestone label. Multiple years are black. */
const NA_KEYTAGS: Record<string, string> = {
  '24 hours': 'white',
  '30 days': 'orange',
  '60 days': 'green',
  '90 days': 'red',
  '6 months': 'blue',
  '9 months': 'yellow',
  '1 year': 'glow-in-the-dark',
  '18 months': 'gray',
};

const TOKEN = /^(\d{1,3})\s*(h|d|m|y)$/;

function inDays(m: Milestone): number {
  // For ordering only: months and years by their average length.
  return m.unit === 'day' ? m.amount : m.unit === 'month' ? m.amount * 30.44 : m.amount * 365.25;
}

/**
 * Reads a milestone set as staff write it: comma-separated `24h`, `30d`, `6m`, `1y` and `yearly`.
 * Hours must be whole days (24h, 48h). Returns the set in order, or the first problem in words.
 */
export function parseMilestones(text: string): { set: MilestoneSet } | { problem: string } {
  const tokens = text
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0);
  if (tokens.length === 0) return { problem: 'List at least one milestone, e.g. 30d or 1y.' };
  if (tokens.length > 40) return { problem: 'List at most 40 milestones.' };
  const milestones: Milestone[] = [];
  let yearly = false;
  for (const token of tokens) {
    if (token === 'yearly') {
      yearly = true;
      continue;
    }
    const match = TOKEN.exec(token);
    if (!match) {
      return {
        problem: `“${token}” is not a milestone. Write a number and h, d, m or y, e.g. 24h, 90d, 6m, 2y, or “yearly”.`,
      };
    }
    const amount = Number(match[1]);
    const unitCode = match[2];
    if (amount === 0) return { problem: `“${token}”: a milestone is at least 1.` };
    let milestone: Milestone;
    if (unitCode === 'h') {
      if (amount % 24 !== 0) return { problem: `“${token}”: hours must be whole days (24h, 48h).` };
      milestone = { amount: amount / 24, unit: 'day' };
    } else {
      milestone = { amount, unit: unitCode === 'd' ? 'day' : unitCode === 'm' ? 'month' : 'year' };
    }
    if (milestones.some((m) => milestoneLabel(m) === milestoneLabel(milestone))) {
      return { problem: `“${token}” is listed twice.` };
    }
    milestones.push(milestone);
  }
  milestones.sort((a, b) => inDays(a) - inDays(b));
  return { set: { milestones, yearly } };
}

/** The set written back in the form `parseMilestones` reads. */
export function formatMilestones(set: MilestoneSet): string {
  const tokens = set.milestones.map((m) =>
    m.unit === 'day' && m.amount === 1 ? '24h' : `${m.amount}${m.unit[0]}`,
  );
  if (set.yearly) tokens.push('yearly');
  return tokens.join(', ');
}

export function milestoneLabel(m: Milestone): string {
  if (m.unit === 'day' && m.amount === 1) return '24 hours';
  return `${m.amount} ${m.unit}${m.amount === 1 ? '' : 's'}`;
}

/** The NA keytag colour for a milestone, or null when NA gives none. */
export function naKeytag(m: Milestone): string | null {
  return NA_KEYTAGS[milestoneLabel(m)] ?? (m.unit === 'year' && m.amount > 1 ? 'black' : null);
}

/** `date` plus whole calendar months; the 31st falls back to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The day a milestone is reached by someone sober since `sobrietyDate`. */
export function milestoneDate(sobrietyDate: IsoDate, m: Milestone): IsoDate {
  if (m.unit === 'day') return addDays(sobrietyDate, m.amount);
  return addMonths(sobrietyDate, m.unit === 'month' ? m.amount : m.amount * 12);
}

/** Days sober on `today` (both in the facility's time zone), or null if the date is later. */
export function daysSober(sobrietyDate: IsoDate, today: IsoDate): number | null {
  const days = daysBetween(sobrietyDate, today);
  return days < 0 ? null : days;
}

export interface MilestoneOnDate {
  label: string;
  date: IsoDate;
  milestone: Milestone;
}

/** Milestones reached from `from` to `to` inclusive, in date order, yearly ones included. */
export function milestonesBetween(
  sobrietyDate: IsoDate,
  set: MilestoneSet,
  from: IsoDate,
  to: IsoDate,
): MilestoneOnDate[] {
  const all = [...set.milestones];
  if (set.yearly) {
    const lastYear = Number(to.slice(0, 4)) - Number(sobrietyDate.slice(0, 4)) + 1;
    for (let years = 1; years <= lastYear; years++) {
      if (!all.some((m) => milestoneLabel(m) === milestoneLabel({ amount: years, unit: 'year' }))) {
        all.push({ amount: years, unit: 'year' });
      }
    }
  }
  return all
    .map((milestone) => ({
      milestone,
      label: milestoneLabel(milestone),
      date: milestoneDate(sobrietyDate, milestone),
    }))
    .filter((m) => m.date >= from && m.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The next milestone on or after `today`, looking up to 20 years ahead. */
export function nextMilestone(
  sobrietyDate: IsoDate,
  set: MilestoneSet,
  today: IsoDate,
): MilestoneOnDate | null {
  const from = sobrietyDate > today ? sobrietyDate : today;
  return milestonesBetween(sobrietyDate, set, from, addMonths(from, 240))[0] ?? null;
}
