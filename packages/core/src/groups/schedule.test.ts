import { describe, expect, it } from 'vitest';
import { expandSchedule, scheduleProblems, weekday, zonedTimeToInstant } from './schedule';

describe('zonedTimeToInstant', () => {
  it('turns a wall-clock time in the facility’s zone into an instant', () => {
    expect(zonedTimeToInstant('2026-11-21', '18:30', 'America/Denver').toISOString()).toBe(
      '2026-11-22T01:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-07-01', '18:30', 'America/Denver').toISOString()).toBe(
      '2026-07-02T00:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-11-21', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-11-21T08:00:00.000Z',
    );
  });

  it('handles the daylight-saving changes', () => {
    // 2026-03-08: US clocks jump from 02:00 to 03:00; 02:30 does not exist and moves to 03:30.
    expect(zonedTimeToInstant('2026-03-08', '02:30', 'America/Chicago').toISOString()).toBe(
      '2026-03-08T08:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-03-08', '19:00', 'America/Chicago').toISOString()).toBe(
      '2026-03-09T00:00:00.000Z',
    );
    // 2026-11-01: the day clocks fall back; an evening group keeps its wall-clock time.
    expect(zonedTimeToInstant('2026-11-01', '19:00', 'America/Chicago').toISOString()).toBe(
      '2026-11-02T01:00:00.000Z',
    );
  });
});

describe('expandSchedule', () => {
  it('puts a Monday/Wednesday group on the right dates, in local time across a DST change', () => {
    const sessions = expandSchedule(
      { days: [1, 3], startTime: '18:00', durationMinutes: 60 },
      '2026-10-26',
      '2026-11-04',
      'America/Denver',
    );
    expect(sessions.map((s) => [s.date, s.startsAt.toISOString()])).toEqual([
      ['2026-10-26', '2026-10-27T00:00:00.000Z'],
      ['2026-10-28', '2026-10-29T00:00:00.000Z'],
      ['2026-11-02', '2026-11-03T01:00:00.000Z'],
      ['2026-11-04', '2026-11-05T01:00:00.000Z'],
    ]);
    expect(sessions.every((s) => [1, 3].includes(weekday(s.date)))).toBe(true);
  });

  it('gives nothing for an empty window', () => {
    expect(
      expandSchedule(
        { days: [0], startTime: '10:00', durationMinutes: 60 },
        '2026-11-02',
        '2026-11-07',
        'UTC',
      ),
    ).toEqual([]);
  });
});

describe('scheduleProblems', () => {
  it('accepts a sound schedule', () => {
    expect(scheduleProblems({ days: [2], startTime: '19:00', durationMinutes: 60 })).toEqual([]);
  });

  it('names each problem in plain words', () => {
    expect(scheduleProblems({ days: [], startTime: '19:00', durationMinutes: 60 })).toEqual([
      'Choose at least one day of the week.',
    ]);
    expect(scheduleProblems({ days: [7], startTime: '25:00', durationMinutes: 0 })).toEqual([
      'Days run from Sunday (0) to Saturday (6).',
      'Give the start time as hours and minutes, for example 18:30.',
      'A session lasts at least 1 minute.',
    ]);
    expect(scheduleProblems({ days: [1], startTime: '08:00', durationMinutes: 481 })).toEqual([
      'A session lasts at most 8 hours.',
    ]);
  });
});
