import type { IsoDate } from '../dates';
import {
  type ClientStay,
  evaluateFlags,
  type FlagSettings,
  flagLookbackDays,
  type RaisedFlag,
} from './flags';
import {
  attendanceRate,
  engagementTrend,
  lastAttended,
  meanEngagement,
  participationRate,
  type Ratio,
  windowEnding,
} from './measures';
import type { PersonSession } from './person-sessions';

/** Everything the caseload shows about one client's engagement on `asOf`. */
export interface EngagementSummary {
  asOf: IsoDate;
  /** Over the facility's attendance window (14 days unless changed). */
  attendance: Ratio;
  participation: Ratio;
  engagement: Ratio;
  /** Change in mean engagement over the trend window, in points. */
  trend: number | null;
  lastAttended: IsoDate | null;
  flags: RaisedFlag[];
}

/**
 * The one computation behind the caseload, the stored figures and the flags. `sessions` must
 * cover at least `summaryLookbackDays(settings)` days before `today`; `lastAttendedBefore` is the
 * last attended date before that window, if any.
 */
export function engagementSummary(
  sessions: readonly PersonSession[],
  stay: ClientStay,
  today: IsoDate,
  settings: FlagSettings,
  lastAttendedBefore: IsoDate | null = null,
): EngagementSummary {
  const window = windowEnding(today, settings.attendanceWindowDays);
  return {
    asOf: today,
    attendance: attendanceRate(sessions, window),
    participation: participationRate(sessions, window),
    engagement: meanEngagement(sessions, window),
    trend: engagementTrend(sessions, today, settings.engagementWeeks).change,
    lastAttended: lastAttended(sessions) ?? lastAttendedBefore,
    flags: evaluateFlags(sessions, stay, today, settings),
  };
}

export function summaryLookbackDays(settings: FlagSettings): number {
  return flagLookbackDays(settings);
}
