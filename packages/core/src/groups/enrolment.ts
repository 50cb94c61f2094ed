import { type IsoDate, laterDate } from '../dates';

export interface EnrolmentPeriod {
  startDate: IsoDate;
  /** null: still enrolled */
  endDate: IsoDate | null;
}

/** Two periods share at least one day. */
export function periodsOverlap(a: EnrolmentPeriod, b: EnrolmentPeriod): boolean {
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return a.startDate <= bEnd && b.startDate <= aEnd;
}

/** How many of `periods` are open on `date`. */
export function enrolledOn(periods: readonly EnrolmentPeriod[], date: IsoDate): number {
  return periods.filter((p) => p.startDate <= date && (p.endDate === null || p.endDate >= date))
    .length;
}

/**
 * The most people enrolled on any single day from `from` on, if `added` joins. Capacity holds
 * when this stays within it.
 */
export function peakEnrolment(periods: readonly EnrolmentPeriod[], added: EnrolmentPeriod): number {
  const all = [...periods, added].filter((p) => periodsOverlap(p, added));
  // The peak falls on some period's start date within the added period.
  const starts = all.map((p) => laterDate(p.startDate, added.startDate));
  return Math.max(...starts.map((d) => enrolledOn(all, d)));
}

/** Age in whole years on `on`. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}
