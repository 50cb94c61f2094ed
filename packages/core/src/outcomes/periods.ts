import { addDays, daysBetween, type IsoDate } from '../dates';
import { weekStart } from '../engagement/charts';

/** A date range, both ends included. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** The longest range the dashboard counts over. */
export const MAX_RANGE_YEARS = 5;

/** Why a range cannot be used, in words for staff, or null. */
export function dateRangeProblem(range: DateRange): string | null {
  if (range.to < range.from) return 'The end date is before the start date.';
  const limit = `${Number(range.from.slice(0, 4)) + MAX_RANGE_YEARS}${range.from.slice(4)}`;
  if (range.to >= limit) return `Choose a range of at most ${MAX_RANGE_YEARS} years.`;
  return null;
}

/** The Monday of every week that overlaps the range, oldest first. */
export function weeksIn(range: DateRange): IsoDate[] {
  const weeks: IsoDate[] = [];
  for (let w = weekStart(range.from); w <= range.to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** YYYY-MM */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Every month (YYYY-MM) that overlaps the range, oldest first. */
export function monthsIn(range: DateRange): string[] {
  const months: string[] = [];
  let [year, month] = range.from.split('-').map(Number) as [number, number];
  const last = monthOf(range.to);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function inRange(date: IsoDate | null, range: DateRange): date is IsoDate {
  return date !== null && date >= range.from && date <= range.to;
}

/** Whole days of a stay (admission to discharge); a same-day discharge is one day. */
export function stayDays(admission: IsoDate, discharge: IsoDate): number {
  return Math.max(1, daysBetween(admission, discharge));
}
