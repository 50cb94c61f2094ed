import { addDays, daysBetween, type IsoDate, readableDate } from '../dates';
import {
  attendanceRate,
  engagementTrend,
  lastAttended,
  missedInRow,
  windowEnding,
} from './measures';
import type { PersonSession } from './person-sessions';

export const FLAG_RULES = {
  missed_in_a_row: 'Missed sessions in a row',
  low_attendance: 'Low attendance',
  engagement_falling: 'Engagement falling',
  no_recent_attendance: 'No recent attendance',
  self_harm_risk: 'Safety: thoughts of self-harm (PHQ-9 item 9)',
} as const;
export type FlagRule = keyof typeof FLAG_RULES;

/**
 * The rules the engagement figures raise and clear on every recompute. The others are raised by
 * what staff record (a PHQ-9 answer) and cleared only by a later record.
 */
export const ENGAGEMENT_FLAG_RULES = [
  'missed_in_a_row',
  'low_attendance',
  'engagement_falling',
  'no_recent_attendance',
] as const satisfies readonly FlagRule[];

/** Thresholds, kept per facility. */
export interface FlagSettings {
  /** Missed sessions in a row (absent without excuse or not recorded) that raise a flag. */
  missedInRow: number;
  /** Attendance below this percentage over `attendanceWindowDays` raises a flag. */
  lowAttendancePercent: number;
  attendanceWindowDays: number;
  /** A fall in mean engagement of this many points or more over `engagementWeeks` weeks. */
  engagementDrop: number;
  engagementWeeks: number;
  /** No session attended in this many days while in treatment. */
  noAttendanceDays: number;
}

export const DEFAULT_FLAG_SETTINGS: FlagSettings = {
  missedInRow: 2,
  lowAttendancePercent: 50,
  attendanceWindowDays: 14,
  engagementDrop: 1,
  engagementWeeks: 3,
  noAttendanceDays: 7,
};

/** How far back the rules look: sessions older than this cannot change a flag. */
export function flagLookbackDays(settings: FlagSettings): number {
  return Math.max(settings.attendanceWindowDays, settings.engagementWeeks * 7, 28);
}

export interface ClientStay {
  status: 'in_treatment' | 'alumni';
  admissionDate: IsoDate;
}

export interface RaisedFlag {
  rule: FlagRule;
  /** Why, in words for staff, with the figures behind it. */
  reason: string;
}

function sessionsWord(n: number) {
  return `${n} session${n === 1 ? '' : 's'}`;
}

/**
 * The flags that hold on `today` for a person whose sessions over the lookback window are
 * `sessions` (see `personSessions`). Each comes with its reason.
 */
export function evaluateFlags(
  sessions: readonly PersonSession[],
  stay: ClientStay,
  today: IsoDate,
  settings: FlagSettings,
): RaisedFlag[] {
  const flags: RaisedFlag[] = [];
  const lookback = windowEnding(today, flagLookbackDays(settings));
  const recent = sessions.filter((s) => s.date >= lookback.from && s.date <= today);

  const run = missedInRow(recent);
  if (run.count >= settings.missedInRow) {
    const unrecorded = run.notRecorded > 0 ? ` (${run.notRecorded} not recorded)` : '';
    flags.push({
      rule: 'missed_in_a_row',
      reason: `Missed the last ${sessionsWord(run.count)} without an excuse${unrecorded}.`,
    });
  }

  const rate = attendanceRate(recent, windowEnding(today, settings.attendanceWindowDays));
  if (rate.value !== null && rate.value * 100 < settings.lowAttendancePercent) {
    flags.push({
      rule: 'low_attendance',
      reason: `Attended ${rate.numerator} of ${sessionsWord(rate.denominator)} expected in the last ${settings.attendanceWindowDays} days (${Math.round(rate.value * 100)} %, under ${settings.lowAttendancePercent} %).`,
    });
  }

  const trend = engagementTrend(recent, today, settings.engagementWeeks);
  if (
    trend.change !== null &&
    trend.earlier?.mean.value != null &&
    trend.later?.mean.value != null &&
    trend.change <= -settings.engagementDrop
  ) {
    flags.push({
      rule: 'engagement_falling',
      reason: `Mean engagement fell from ${trend.earlier.mean.value.toFixed(1)} to ${trend.later.mean.value.toFixed(1)} over the last ${settings.engagementWeeks} weeks.`,
    });
  }

  if (stay.status === 'in_treatment') {
    const since = addDays(today, -settings.noAttendanceDays);
    const last = lastAttended(recent);
    if (stay.admissionDate <= since && (last === null || last <= since)) {
      flags.push({
        rule: 'no_recent_attendance',
        reason:
          last === null
            ? `No session attended in the last ${flagLookbackDays(settings)} days.`
            : `No session attended for ${daysBetween(last, today)} days (last on ${readableDate(last)}).`,
      });
    }
  }
  return flags;
}
