import { addDays, type IsoDate } from '../dates';

export interface WeeklySchedule {
  /** 0 = Sunday … 6 = Saturday */
  days: readonly number[];
  /** 'HH:MM', 24-hour, in the facility's time zone */
  startTime: string;
  durationMinutes: number;
}

export const MAX_SESSION_MINUTES = 8 * 60;

/** Problems with a schedule, in words for staff; empty when it is fine. */
export function scheduleProblems(s: WeeklySchedule): string[] {
  const problems: string[] = [];
  if (s.days.length === 0) problems.push('Choose at least one day of the week.');
  if (s.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    problems.push('Days run from Sunday (0) to Saturday (6).');
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.startTime)) {
    problems.push('Give the start time as hours and minutes, for example 18:30.');
  }
  if (!Number.isInteger(s.durationMinutes) || s.durationMinutes < 1) {
    problems.push('A session lasts at least 1 minute.');
  } else if (s.durationMinutes > MAX_SESSION_MINUTES) {
    problems.push('A session lasts at most 8 hours.');
  }
  return problems;
}

/** Minutes east of UTC that the zone is at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time happens in a time zone. A time skipped by a daylight-saving jump
 * (02:30 on the spring-forward night) moves forward by the jump, as a wall clock does.
 */
export function zonedTimeToInstant(date: IsoDate, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    h,
    m,
  );
  const o1 = offsetMinutes(new Date(wall), timeZone);
  const t1 = wall - o1 * 60_000;
  const o2 = offsetMinutes(new Date(t1), timeZone);
  if (o2 === o1) return new Date(t1);
  const t2 = wall - o2 * 60_000;
  if (offsetMinutes(new Date(t2), timeZone) === o2) return new Date(t2);
  // In the hour the clocks skip, neither offset fits: take the later instant (a jump forward).
  return new Date(Math.max(t1, t2));
}

/** Day of the week (0 = Sunday) of a calendar date. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export interface PlannedSession {
  date: IsoDate;
  startsAt: Date;
  durationMinutes: number;
}

/** The sessions a weekly schedule puts between two dates, both included, in the facility's zone. */
export function expandSchedule(
  schedule: WeeklySchedule,
  from: IsoDate,
  to: IsoDate,
  timeZone: string,
): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (schedule.days.includes(weekday(date))) {
      sessions.push({
        date,
        startsAt: zonedTimeToInstant(date, schedule.startTime, timeZone),
        durationMinutes: schedule.durationMinutes,
      });
    }
  }
  return sessions;
}
