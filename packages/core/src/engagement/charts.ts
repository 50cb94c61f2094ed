import { addDays, type IsoDate } from '../dates';
import { type Ratio, ratio } from './measures';
import { outcomeOf, type PersonSession } from './person-sessions';

/** The Monday of the week holding `date`. */
export function weekStart(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

export interface WeekFigures {
  weekStart: IsoDate;
  weekEnd: IsoDate;
  /** Attended ÷ expected and held, as in `attendanceRate`. */
  attendance: Ratio;
  excused: number;
  missed: number;
  cancelled: number;
  /** Sum of ratings ÷ rated sessions, as in `meanEngagement`. */
  engagement: Ratio;
  shared: number;
  listened: number;
}

export interface DayFigures {
  date: IsoDate;
  attended: number;
  /** Expected and held, as in `attendanceRate`. */
  expected: number;
  /** true for days after `today`, shown blank. */
  future: boolean;
}

export interface EngagementCharts {
  weeks: WeekFigures[];
  /** Every day of the same weeks, Monday first, for the calendar heat map. */
  days: DayFigures[];
}

/**
 * The client page's charts: the `weeks` calendar weeks ending with the week of `today`, each
 * week and day counted by the same rules as the attendance rate and mean engagement.
 */
export function engagementCharts(
  sessions: readonly PersonSession[],
  today: IsoDate,
  weeks = 12,
): EngagementCharts {
  const first = addDays(weekStart(today), -7 * (weeks - 1));
  const byDay = new Map<IsoDate, PersonSession[]>();
  for (const s of sessions) {
    const list = byDay.get(s.date) ?? [];
    list.push(s);
    byDay.set(s.date, list);
  }
  const days: DayFigures[] = [];
  const result: WeekFigures[] = [];
  for (let w = 0; w < weeks; w++) {
    const start = addDays(first, 7 * w);
    let attended = 0;
    let expected = 0;
    let excused = 0;
    let missed = 0;
    let cancelled = 0;
    let ratingSum = 0;
    let rated = 0;
    let shared = 0;
    let listened = 0;
    for (let d = 0; d < 7; d++) {
      const date = addDays(start, d);
      let dayAttended = 0;
      let dayExpected = 0;
      for (const s of byDay.get(date) ?? []) {
        const outcome = outcomeOf(s);
        if (outcome === 'cancelled') cancelled += 1;
        if (outcome === 'excused') excused += 1;
        if (outcome === 'missed') missed += 1;
        if (outcome === 'attended' || outcome === 'excused' || outcome === 'missed')
          dayExpected += 1;
        if (outcome !== 'attended') continue;
        dayAttended += 1;
        if (s.record?.engagementRating != null) {
          ratingSum += s.record.engagementRating;
          rated += 1;
        }
        if (s.record?.participation === 'shared') shared += 1;
        if (s.record?.participation === 'listened') listened += 1;
      }
      attended += dayAttended;
      expected += dayExpected;
      days.push({ date, attended: dayAttended, expected: dayExpected, future: date > today });
    }
    result.push({
      weekStart: start,
      weekEnd: addDays(start, 6),
      attendance: ratio(attended, expected),
      excused,
      missed,
      cancelled,
      engagement: ratio(ratingSum, rated),
      shared,
      listened,
    });
  }
  return { weeks: result, days };
}
