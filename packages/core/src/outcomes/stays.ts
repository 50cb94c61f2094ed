import type { DischargeType } from '../clients/vocabulary';
import { addDays, daysBetween, earlierDate, type IsoDate, laterDate } from '../dates';
import { countCell, meanCell, rateCell } from './cells';
import { type DateRange, inRange, monthOf, monthsIn, stayDays, weeksIn } from './periods';
import { column, type IndicatorTable } from './table';

/** One client's stay, as the outcome indicators need it. */
export interface StayFacts {
  clientId: string;
  admissionDate: IsoDate;
  dischargeDate: IsoDate | null;
  dischargeType: DischargeType | null;
}

/** In treatment on `date`: admitted on or before it and not yet discharged (discharge day is out). */
export function inTreatmentOn(stay: StayFacts, date: IsoDate): boolean {
  return stay.admissionDate <= date && (stay.dischargeDate === null || stay.dischargeDate > date);
}

/** Census on the last day of each week (or the range's last day), admissions and discharges. */
export function censusIndicator(
  stays: readonly StayFacts[],
  range: DateRange,
  suppress: boolean,
): IndicatorTable {
  const rows = weeksIn(range).map((week) => {
    const from = laterDate(week, range.from);
    const to = earlierDate(range.to, addDays(week, 6));
    const span = { from, to };
    let census = 0;
    let admissions = 0;
    let discharges = 0;
    for (const stay of stays) {
      if (inTreatmentOn(stay, to)) census += 1;
      if (inRange(stay.admissionDate, span)) admissions += 1;
      if (inRange(stay.dischargeDate, span)) discharges += 1;
    }
    return {
      key: week,
      label: `Week of ${week}`,
      cells: {
        census: countCell(census, suppress),
        admissions: countCell(admissions, suppress),
        discharges: countCell(discharges, suppress),
      },
    };
  });
  return {
    id: 'census',
    columns: [
      column('census', 'In treatment at week end', 'count', 'people', 'line'),
      column('admissions', 'Admissions', 'count', 'people'),
      column('discharges', 'Discharges', 'count', 'people'),
    ],
    rows,
    notes: [],
  };
}

function dischargedIn(stays: readonly StayFacts[], range: DateRange) {
  return stays.filter((s) => inRange(s.dischargeDate, range));
}

function byDischargeMonth(stays: readonly StayFacts[], range: DateRange) {
  const months = monthsIn(range);
  const discharged = dischargedIn(stays, range);
  const groups = months.map((month) => ({
    key: month,
    label: month,
    stays: discharged.filter((s) => monthOf(s.dischargeDate as IsoDate) === month),
  }));
  if (months.length > 1) groups.push({ key: 'all', label: 'Whole range', stays: discharged });
  return groups;
}

/** Completed ÷ all discharges, and AMA ÷ all discharges, by month of discharge. */
export function completionIndicator(
  stays: readonly StayFacts[],
  range: DateRange,
  suppress: boolean,
): IndicatorTable {
  return {
    id: 'completion',
    columns: [
      column('completed', 'Completed treatment', 'rate', 'percent'),
      column('ama', 'Left against medical advice', 'rate', 'percent'),
    ],
    rows: byDischargeMonth(stays, range).map((g) => {
      const completed = g.stays.filter((s) => s.dischargeType === 'completed').length;
      const ama = g.stays.filter((s) => s.dischargeType === 'ama').length;
      return {
        key: g.key,
        label: g.label,
        cells: {
          completed: rateCell(completed, g.stays.length, suppress),
          ama: rateCell(ama, g.stays.length, suppress),
        },
      };
    }),
    notes: [],
  };
}

/** Mean days from admission to discharge over the discharges in each month. */
export function lengthOfStayIndicator(
  stays: readonly StayFacts[],
  range: DateRange,
  suppress: boolean,
): IndicatorTable {
  return {
    id: 'length_of_stay',
    columns: [column('days', 'Average length of stay', 'mean', 'days')],
    rows: byDischargeMonth(stays, range).map((g) => {
      const total = g.stays.reduce(
        (sum, s) => sum + stayDays(s.admissionDate, s.dischargeDate as IsoDate),
        0,
      );
      return {
        key: g.key,
        label: g.label,
        cells: { days: meanCell(total, g.stays.length, suppress) },
      };
    }),
    notes: [],
  };
}

/** Days after admission at which retention is read. */
export const RETENTION_CHECKPOINTS: readonly number[] = [7, 14, 30, 60, 90];
/** Cohorts charted at most; a longer range shows its latest months. */
export const MAX_COHORTS = 12;

/** Left treatment early: discharged AMA or administratively. Completion and transfer are not losses. */
export function leftEarly(stay: StayFacts): boolean {
  return stay.dischargeType === 'ama' || stay.dischargeType === 'administrative';
}

/**
 * Retention curves by admission month: of the clients admitted that month whose day `d` has come,
 * the share not lost (AMA or administrative discharge) before day `d`.
 */
export function retentionIndicator(
  stays: readonly StayFacts[],
  range: DateRange,
  today: IsoDate,
  suppress: boolean,
): IndicatorTable {
  const allCohorts = monthsIn(range);
  const cohorts = allCohorts.slice(-MAX_COHORTS);
  const admitted = stays.filter((s) => inRange(s.admissionDate, range));
  const rows = RETENTION_CHECKPOINTS.map((day) => {
    const cells: IndicatorTable['rows'][number]['cells'] = {};
    for (const cohort of cohorts) {
      const observable = admitted.filter(
        (s) => monthOf(s.admissionDate) === cohort && addDays(s.admissionDate, day) <= today,
      );
      const retained = observable.filter(
        (s) =>
          !(leftEarly(s) && s.dischargeDate && daysBetween(s.admissionDate, s.dischargeDate) < day),
      ).length;
      cells[cohort] = rateCell(retained, observable.length, suppress);
    }
    return { key: String(day), label: `Day ${day}`, cells };
  });
  const notes = [
    'A cohort appears at a day only for clients admitted at least that many days ago.',
  ];
  if (allCohorts.length > cohorts.length) {
    notes.push(`Showing the latest ${MAX_COHORTS} of ${allCohorts.length} admission months.`);
  }
  return {
    id: 'retention',
    columns: cohorts.map((c) => column(c, `Admitted ${c}`, 'rate', 'percent', 'line')),
    rows,
    notes,
  };
}
