import { addDays, type IsoDate } from '../dates';
import { counts, outcomeOf, type PersonSession } from './person-sessions';

/** A measure with its parts, so every figure shown can say "n of d". */
export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, or null when the denominator is 0. */
  value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** The `days` days ending on `today`, inclusive. */
export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

export function windowEnding(today: IsoDate, days: number): DateWindow {
  return { from: addDays(today, -(days - 1)), to: today };
}

function within(sessions: readonly PersonSession[], w: DateWindow) {
  return sessions.filter((s) => s.date >= w.from && s.date <= w.to);
}

/**
 * Attendance rate = sessions attended (present, late, left early) ÷ sessions the person was
 * expected at that were held (attended, excused, or missed, including not recorded once
 * attendance was taken). Cancelled sessions and sessions not taken yet count in neither.
 */
export function attendanceRate(sessions: readonly PersonSession[], w: DateWindow): Ratio {
  let attendedCount = 0;
  let expected = 0;
  for (const s of within(sessions, w)) {
    const outcome = outcomeOf(s);
    if (!counts(outcome)) continue;
    expected += 1;
    if (outcome === 'attended') attendedCount += 1;
  }
  return ratio(attendedCount, expected);
}

/**
 * Participation rate = sessions where the person shared ÷ sessions attended where sharing or
 * listening was recorded. Listening is a normal outcome: this describes, it does not grade.
 */
export function participationRate(sessions: readonly PersonSession[], w: DateWindow): Ratio {
  let shared = 0;
  let recorded = 0;
  for (const s of within(sessions, w)) {
    if (outcomeOf(s) !== 'attended' || !s.record?.participation) continue;
    recorded += 1;
    if (s.record.participation === 'shared') shared += 1;
  }
  return ratio(shared, recorded);
}

/** Mean engagement rating = sum of ratings ÷ sessions attended that were rated (1–5). */
export function meanEngagement(sessions: readonly PersonSession[], w: DateWindow): Ratio {
  let sum = 0;
  let rated = 0;
  for (const s of within(sessions, w)) {
    const rating = s.record?.engagementRating;
    if (outcomeOf(s) !== 'attended' || rating == null) continue;
    sum += rating;
    rated += 1;
  }
  return ratio(sum, rated);
}

export interface EngagementTrend {
  /** The earliest and latest 7-day blocks with ratings, oldest first. */
  earlier: { window: DateWindow; mean: Ratio } | null;
  later: { window: DateWindow; mean: Ratio } | null;
  /** later mean − earlier mean; null unless two different blocks have ratings. */
  change: number | null;
}

/**
 * How the mean engagement rating moved over the `weeks` weeks ending `today`: the window is cut
 * into 7-day blocks, and the latest block with ratings is compared with the earliest.
 */
export function engagementTrend(
  sessions: readonly PersonSession[],
  today: IsoDate,
  weeks: number,
): EngagementTrend {
  const blocks: { window: DateWindow; mean: Ratio }[] = [];
  for (let k = weeks - 1; k >= 0; k--) {
    const window = windowEnding(addDays(today, -7 * k), 7);
    const mean = meanEngagement(sessions, window);
    if (mean.value !== null) blocks.push({ window, mean });
  }
  const earlier = blocks[0] ?? null;
  const later = blocks.length > 1 ? (blocks[blocks.length - 1] ?? null) : null;
  const change =
    earlier && later && earlier.mean.value !== null && later.mean.value !== null
      ? Math.round((later.mean.value - earlier.mean.value) * 100) / 100
      : null;
  return { earlier, later: later ?? null, change };
}

/** The last day the person attended a session, or null. */
export function lastAttended(sessions: readonly PersonSession[]): IsoDate | null {
  let last: IsoDate | null = null;
  for (const s of sessions) {
    if (outcomeOf(s) === 'attended' && (last === null || s.date > last)) last = s.date;
  }
  return last;
}

/**
 * The current run of missed sessions: counted back from the latest session that counts, until
 * one attended. Excused absences neither count nor break the run.
 */
export function missedInRow(sessions: readonly PersonSession[]): {
  count: number;
  notRecorded: number;
} {
  let count = 0;
  let notRecorded = 0;
  for (let i = sessions.length - 1; i >= 0; i--) {
    const s = sessions[i] as PersonSession;
    const outcome = outcomeOf(s);
    if (outcome === 'attended') break;
    if (outcome !== 'missed') continue;
    count += 1;
    if (!s.record) notRecorded += 1;
  }
  return { count, notRecorded };
}
