import type { AbstinenceAnswer, FollowUpTaskStatus } from '../alumni/vocabulary';
import type { IsoDate } from '../dates';
import { rateCell } from './cells';
import { type DateRange, inRange } from './periods';
import { column, type IndicatorTable } from './table';

/** One client referred in the range, and how far their referrals got (as they told us). */
export interface ReferredClient {
  clientId: string;
  /** Any referral with a first meeting attended. */
  firstMeeting: boolean;
  /** Any referral that reached "attending regularly at 30 days". */
  attending: boolean;
}

/** Referred → went to a first meeting → still attending 30 days later, as shares of the referred. */
export function referralFunnelIndicator(
  referred: readonly ReferredClient[],
  suppress: boolean,
): IndicatorTable {
  const total = referred.length;
  const first = referred.filter((r) => r.firstMeeting).length;
  const attending = referred.filter((r) => r.attending).length;
  const steps = [
    { key: 'referred', label: 'Referred', count: total },
    { key: 'first_meeting', label: 'First meeting attended', count: first },
    { key: 'attending', label: 'Attending at 30 days', count: attending },
  ];
  return {
    id: 'referral_funnel',
    columns: [column('clients', 'Share of clients referred', 'rate', 'percent')],
    rows: steps.map((s) => ({
      key: s.key,
      label: s.label,
      cells: { clients: rateCell(s.count, total, suppress) },
    })),
    notes: ['Community meetings do not confirm attendance: these steps are what alumni told us.'],
  };
}

/** One follow-up call owed after a discharge, with the answer about use if the alumnus was reached. */
export interface FollowUpFacts {
  clientId: string;
  daysAfterDischarge: number;
  dueOn: IsoDate;
  status: FollowUpTaskStatus;
  abstinent: AbstinenceAnswer | null;
}

/** Calls due in the range and by today; calls cancelled because the alumnus opted out are not owed. */
export function callsDue(calls: readonly FollowUpFacts[], range: DateRange, today: IsoDate) {
  return calls.filter(
    (c) => c.status !== 'cancelled' && inRange(c.dueOn, range) && c.dueOn <= today,
  );
}

/** Done ÷ due, for each day after discharge a call is made. */
export function followUpIndicator(
  calls: readonly FollowUpFacts[],
  range: DateRange,
  today: IsoDate,
  suppress: boolean,
): IndicatorTable {
  const due = callsDue(calls, range, today);
  const days = [...new Set(due.map((c) => c.daysAfterDischarge))].sort((a, b) => a - b);
  return {
    id: 'follow_up',
    columns: [column('done', 'Calls completed', 'rate', 'percent')],
    rows: days.map((day) => {
      const owed = due.filter((c) => c.daysAfterDischarge === day);
      const done = owed.filter((c) => c.status === 'done').length;
      return {
        key: String(day),
        label: `Day ${day}`,
        cells: { done: rateCell(done, owed.length, suppress) },
      };
    }),
    notes: days.length === 0 ? ['No follow-up call fell due in this range.'] : [],
  };
}

/** The days after discharge at which abstinence is reported. */
export const ABSTINENCE_DAYS: readonly number[] = [30, 60, 90];

/**
 * Of the alumni reached at the 30-, 60- and 90-day calls due in the range who answered, the share
 * who said they had not used since discharge. "Preferred not to say" is left out of both.
 */
export function abstinenceIndicator(
  calls: readonly FollowUpFacts[],
  range: DateRange,
  today: IsoDate,
  suppress: boolean,
): IndicatorTable {
  const due = callsDue(calls, range, today);
  return {
    id: 'abstinence',
    columns: [column('abstinent', 'Abstinent since discharge', 'rate', 'percent')],
    rows: ABSTINENCE_DAYS.map((day) => {
      const answered = due.filter(
        (c) =>
          c.daysAfterDischarge === day &&
          c.status === 'done' &&
          (c.abstinent === 'yes' || c.abstinent === 'no'),
      );
      const yes = answered.filter((c) => c.abstinent === 'yes').length;
      return {
        key: String(day),
        label: `Day ${day}`,
        cells: { abstinent: rateCell(yes, answered.length, suppress) },
      };
    }),
    notes: ['Self-reported on the follow-up call.'],
  };
}
