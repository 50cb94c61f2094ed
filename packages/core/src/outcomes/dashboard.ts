import type { IsoDate } from '../dates';
import {
  abstinenceIndicator,
  type FollowUpFacts,
  followUpIndicator,
  type ReferredClient,
  referralFunnelIndicator,
} from './alumni';
import {
  attendanceIndicator,
  type ClientWeekAttendance,
  engagementIndicator,
  type SessionsHeldWeek,
} from './attendance';
import type { DateRange } from './periods';
import {
  barcPairedIndicator,
  type FollowUpAnswers,
  type ScoreFacts,
  samhsaIndicator,
} from './recovery';
import {
  censusIndicator,
  completionIndicator,
  lengthOfStayIndicator,
  retentionIndicator,
  type StayFacts,
} from './stays';
import type { IndicatorId, IndicatorTable } from './table';

/** Everything the dashboard counts, already scoped to the facilities, filters and range. */
export interface OutcomeFacts {
  /** Stays that overlap the range, and (for retention) those admitted in it. */
  stays: readonly StayFacts[];
  clientWeeks: readonly ClientWeekAttendance[];
  sessionsHeld: readonly SessionsHeldWeek[];
  referred: readonly ReferredClient[];
  calls: readonly FollowUpFacts[];
  callAnswers: readonly FollowUpAnswers[];
  /** BARC-10 of clients discharged in the range. */
  barcScores: readonly ScoreFacts[];
  /** Discharge and follow-up scores given in the range. */
  alumniScores: readonly ScoreFacts[];
}

/** Builds each requested indicator from the facts. `suppress` is on for aggregate views. */
export function buildIndicators(
  ids: readonly IndicatorId[],
  facts: OutcomeFacts,
  range: DateRange,
  today: IsoDate,
  suppress: boolean,
): IndicatorTable[] {
  const build: Record<IndicatorId, () => IndicatorTable> = {
    census: () => censusIndicator(facts.stays, range, suppress),
    attendance: () => attendanceIndicator(facts.clientWeeks, facts.sessionsHeld, range, suppress),
    engagement: () => engagementIndicator(facts.clientWeeks, suppress),
    completion: () => completionIndicator(facts.stays, range, suppress),
    length_of_stay: () => lengthOfStayIndicator(facts.stays, range, suppress),
    referral_funnel: () => referralFunnelIndicator(facts.referred, suppress),
    follow_up: () => followUpIndicator(facts.calls, range, today, suppress),
    abstinence: () => abstinenceIndicator(facts.calls, range, today, suppress),
    barc_paired: () => barcPairedIndicator(facts.barcScores, suppress),
    samhsa: () => samhsaIndicator(facts.callAnswers, facts.alumniScores, suppress),
    retention: () => retentionIndicator(facts.stays, range, today, suppress),
  };
  return ids.map((id) => build[id]());
}
