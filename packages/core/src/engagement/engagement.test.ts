import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import type { AttendanceStatus, Participation } from '../groups/attendance';
import type { GroupSessionState } from '../groups/session-state';
import { engagementCharts, weekStart } from './charts';
import { type ClientStay, DEFAULT_FLAG_SETTINGS, evaluateFlags, type FlagSettings } from './flags';
import {
  attendanceRate,
  engagementTrend,
  lastAttended,
  meanEngagement,
  missedInRow,
  participationRate,
  windowEnding,
} from './measures';
import {
  type AttendanceFacts,
  outcomeOf,
  type PersonSession,
  personSessions,
  type SessionFacts,
  toSessionFacts,
} from './person-sessions';
import { engagementSummary } from './summary';

const TODAY = '2026-11-20'; // a Friday

interface Spec {
  daysAgo: number;
  status?: AttendanceStatus;
  state?: GroupSessionState;
  rating?: number;
  participation?: Participation;
}

/** One person's sessions, one a day at 18:00 UTC, from hand-written specs. */
function history(specs: Spec[]): PersonSession[] {
  return specs
    .map((s, i): PersonSession => {
      const date = addDays(TODAY, -s.daysAgo);
      return {
        sessionId: `s${i}`,
        groupId: 'g1',
        date,
        startsAt: `${date}T18:00:00.000Z`,
        state: s.state ?? (s.status ? 'signed' : 'scheduled'),
        rostered: true,
        record: s.status
          ? {
              status: s.status,
              participation: s.participation ?? null,
              engagementRating: s.rating ?? null,
            }
          : null,
      };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

const last14 = windowEnding(TODAY, 14);
const inTreatment = { status: 'in_treatment' as const, admissionDate: '2026-09-01' };

describe('how a session counts for a person', () => {
  it('cancelled sessions count in neither part, recorded or not', () => {
    const s = history([{ daysAgo: 1, status: 'present', state: 'cancelled' }])[0];
    expect(s && outcomeOf(s)).toBe('cancelled');
  });
  it('someone not recorded is missed once attendance is taken, and pending before', () => {
    const [taken, open] = history([
      { daysAgo: 2, state: 'completed' },
      { daysAgo: 1, state: 'scheduled' },
    ]);
    expect(taken && outcomeOf(taken)).toBe('missed');
    expect(open && outcomeOf(open)).toBe('pending');
  });
  it('an entry counts even while the session is still in progress', () => {
    const s = history([{ daysAgo: 0, status: 'late', state: 'in_progress' }])[0];
    expect(s && outcomeOf(s)).toBe('attended');
  });
});

describe('attendance rate', () => {
  it('counts present, late and left early over sessions expected and held', () => {
    const rate = attendanceRate(
      history([
        { daysAgo: 1, status: 'present' },
        { daysAgo: 2, status: 'late' },
        { daysAgo: 3, status: 'left_early' },
        { daysAgo: 4, status: 'absent_excused' },
        { daysAgo: 5, status: 'absent_unexcused' },
        { daysAgo: 6, state: 'signed' }, // not recorded: missed
        { daysAgo: 7, status: 'present', state: 'cancelled' }, // neither
        { daysAgo: 0 }, // not taken yet: neither
        { daysAgo: 14, status: 'present' }, // outside the 14 days
      ]),
      last14,
    );
    expect(rate).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
  });
  it('is empty, not zero, with no sessions yet', () => {
    expect(attendanceRate([], last14)).toEqual({ numerator: 0, denominator: 0, value: null });
  });
  it('is empty when every session was cancelled', () => {
    const all = history([
      { daysAgo: 1, state: 'cancelled' },
      { daysAgo: 2, state: 'cancelled' },
    ]);
    expect(attendanceRate(all, last14).value).toBeNull();
  });
  it('includes both ends of the window', () => {
    const rate = attendanceRate(
      history([
        { daysAgo: 0, status: 'present' },
        { daysAgo: 13, status: 'absent_unexcused' },
      ]),
      last14,
    );
    expect(rate).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe('participation and engagement', () => {
  const sessions = history([
    { daysAgo: 1, status: 'present', participation: 'shared', rating: 4 },
    { daysAgo: 2, status: 'present', participation: 'listened', rating: 3 },
    { daysAgo: 3, status: 'late', rating: 2 },
    { daysAgo: 4, status: 'absent_unexcused' },
  ]);
  it('participation is shared over attended sessions with sharing recorded', () => {
    expect(participationRate(sessions, last14)).toEqual({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
  });
  it('mean engagement is the sum of ratings over rated sessions', () => {
    expect(meanEngagement(sessions, last14)).toEqual({ numerator: 9, denominator: 3, value: 3 });
  });
  it('both are empty with nothing attended', () => {
    const none = history([{ daysAgo: 1, status: 'absent_unexcused' }]);
    expect(participationRate(none, last14).value).toBeNull();
    expect(meanEngagement(none, last14).value).toBeNull();
  });
});

describe('engagement trend', () => {
  it('compares the latest rated week with the earliest in the window', () => {
    const trend = engagementTrend(
      history([
        { daysAgo: 20, status: 'present', rating: 4 },
        { daysAgo: 15, status: 'present', rating: 5 },
        { daysAgo: 10, status: 'present', rating: 4 },
        { daysAgo: 2, status: 'present', rating: 3 },
        { daysAgo: 1, status: 'present', rating: 3 },
      ]),
      TODAY,
      3,
    );
    expect(trend.earlier?.mean.value).toBe(4.5);
    expect(trend.later?.mean.value).toBe(3);
    expect(trend.change).toBe(-1.5);
  });
  it('needs ratings in two different weeks', () => {
    const trend = engagementTrend(
      history([{ daysAgo: 1, status: 'present', rating: 2 }]),
      TODAY,
      3,
    );
    expect(trend.change).toBeNull();
  });
});

describe('missed in a row and last attended', () => {
  it('counts back to the last attended session, skipping excused absences', () => {
    const sessions = history([
      { daysAgo: 6, status: 'absent_unexcused' },
      { daysAgo: 5, status: 'present' },
      { daysAgo: 4, status: 'absent_unexcused' },
      { daysAgo: 3, status: 'absent_excused' },
      { daysAgo: 2, state: 'completed' },
      { daysAgo: 1, state: 'cancelled' },
      { daysAgo: 0 },
    ]);
    expect(missedInRow(sessions)).toEqual({ count: 2, notRecorded: 1 });
    expect(lastAttended(sessions)).toBe(addDays(TODAY, -5));
  });
  it('is zero for someone with no sessions', () => {
    expect(missedInRow([])).toEqual({ count: 0, notRecorded: 0 });
    expect(lastAttended([])).toBeNull();
  });
});

describe('flags', () => {
  const settings: FlagSettings = DEFAULT_FLAG_SETTINGS;
  const rules = (sessions: PersonSession[], stay: ClientStay = inTreatment, s = settings) =>
    evaluateFlags(sessions, stay, TODAY, s).map((f) => f.rule);

  it('raise nothing for a steady attender', () => {
    const steady = history(
      Array.from({ length: 20 }, (_, i) => ({ daysAgo: i, status: 'present' as const, rating: 4 })),
    );
    expect(rules(steady)).toEqual([]);
  });
  it('two unexcused absences in a row, with the reason in words', () => {
    const flags = evaluateFlags(
      history([
        { daysAgo: 3, status: 'present' },
        { daysAgo: 2, status: 'absent_unexcused' },
        { daysAgo: 1, status: 'absent_unexcused' },
      ]),
      inTreatment,
      TODAY,
      settings,
    );
    expect(flags).toContainEqual({
      rule: 'missed_in_a_row',
      reason: 'Missed the last 2 sessions without an excuse.',
    });
  });
  it('one unexcused absence is not a run', () => {
    expect(
      rules(
        history([
          { daysAgo: 2, status: 'present' },
          { daysAgo: 1, status: 'absent_unexcused' },
        ]),
      ),
    ).not.toContain('missed_in_a_row');
  });
  it('attendance under 50 % over 14 days, and exactly 50 % is not under', () => {
    const low = history([
      { daysAgo: 1, status: 'present' },
      { daysAgo: 2, status: 'absent_excused' },
      { daysAgo: 3, status: 'absent_excused' },
    ]);
    expect(rules(low)).toContain('low_attendance');
    const half = history([
      { daysAgo: 1, status: 'present' },
      { daysAgo: 2, status: 'absent_excused' },
    ]);
    expect(rules(half)).not.toContain('low_attendance');
  });
  it('no attendance rate at all (all cancelled) raises no low-attendance flag', () => {
    const cancelled = history([
      { daysAgo: 1, state: 'cancelled' },
      { daysAgo: 2, state: 'cancelled' },
    ]);
    expect(rules(cancelled)).not.toContain('low_attendance');
  });
  it('engagement falling by 1 point or more over three weeks', () => {
    const falling = history([
      { daysAgo: 18, status: 'present', rating: 4 },
      { daysAgo: 2, status: 'present', rating: 3 },
    ]);
    expect(rules(falling)).toContain('engagement_falling');
    const slight = history([
      { daysAgo: 18, status: 'present', rating: 4 },
      { daysAgo: 2, status: 'present', rating: 4 },
      { daysAgo: 1, status: 'present', rating: 3 },
    ]);
    expect(rules(slight)).not.toContain('engagement_falling');
  });
  it('no attendance in 7 days while in treatment, but not for a new admission or an alumnus', () => {
    const gone = history([{ daysAgo: 7, status: 'present' }]);
    const flags = evaluateFlags(gone, inTreatment, TODAY, settings);
    expect(flags).toContainEqual({
      rule: 'no_recent_attendance',
      reason: 'No session attended for 7 days (last on Nov 13, 2026).',
    });
    expect(rules(history([{ daysAgo: 6, status: 'present' }]))).not.toContain(
      'no_recent_attendance',
    );
    expect(rules([], { status: 'in_treatment', admissionDate: addDays(TODAY, -3) })).toEqual([]);
    expect(rules([], { status: 'alumni', admissionDate: '2026-01-01' })).toEqual([]);
    expect(rules([])).toEqual(['no_recent_attendance']);
  });
  it('a client discharged mid-window keeps the sessions before discharge and gains no others', () => {
    // Enrolment ended on discharge, 5 days ago; sessions after it are not theirs.
    const sessions: SessionFacts[] = Array.from({ length: 10 }, (_, i) => ({
      sessionId: `s${i}`,
      groupId: 'g1',
      date: addDays(TODAY, -i),
      startsAt: `${addDays(TODAY, -i)}T18:00:00.000Z`,
      state: 'signed',
    }));
    const records = new Map<string, AttendanceFacts>(
      [5, 6, 7, 8, 9].map((i) => [
        `s${i}`,
        { status: 'present', participation: null, engagementRating: null },
      ]),
    );
    const mine = personSessions(
      sessions,
      [{ groupId: 'g1', startDate: addDays(TODAY, -30), endDate: addDays(TODAY, -5) }],
      records,
    );
    expect(mine).toHaveLength(5);
    const summary = engagementSummary(
      mine,
      { status: 'alumni', admissionDate: '2026-09-01' },
      TODAY,
      settings,
    );
    expect(summary.attendance).toMatchObject({ numerator: 5, denominator: 5 });
    expect(summary.flags).toEqual([]);
  });
  it('thresholds are settings', () => {
    const run = history([
      { daysAgo: 3, status: 'absent_unexcused' },
      { daysAgo: 2, status: 'absent_unexcused' },
      { daysAgo: 1, status: 'present' },
      { daysAgo: 0, status: 'present' },
    ]);
    expect(rules(run)).not.toContain('low_attendance');
    expect(rules(run, inTreatment, { ...settings, lowAttendancePercent: 75 })).toContain(
      'low_attendance',
    );
  });
});

describe('a person’s sessions', () => {
  const sessions: SessionFacts[] = [
    {
      sessionId: 'a',
      groupId: 'g1',
      date: '2026-11-02',
      startsAt: '2026-11-02T18:00:00.000Z',
      state: 'signed',
    },
    {
      sessionId: 'b',
      groupId: 'g1',
      date: '2026-11-09',
      startsAt: '2026-11-09T18:00:00.000Z',
      state: 'signed',
    },
    {
      sessionId: 'c',
      groupId: 'g2',
      date: '2026-11-03',
      startsAt: '2026-11-03T18:00:00.000Z',
      state: 'signed',
    },
  ];
  it('are the roster’s sessions within the enrolment, plus walk-ins, oldest first', () => {
    const mine = personSessions(
      sessions,
      [{ groupId: 'g1', startDate: '2026-11-05', endDate: null }],
      new Map([['c', { status: 'present', participation: null, engagementRating: null }]]),
    );
    expect(mine.map((s) => [s.sessionId, s.rostered])).toEqual([
      ['c', false],
      ['b', true],
    ]);
  });
  it('fall on the facility’s calendar day, not UTC’s', () => {
    // 23:30 in Denver on 1 November is 05:30 UTC on 2 November.
    const facts = toSessionFacts(
      { id: 'x', groupId: 'g', startsAt: new Date('2026-11-02T06:30:00Z'), state: 'signed' },
      'America/Denver',
    );
    expect(facts.date).toBe('2026-11-01');
  });
});

describe('charts', () => {
  it('cut twelve calendar weeks, Monday first, with the same counting rules', () => {
    expect(weekStart('2026-11-20')).toBe('2026-11-16');
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    const charts = engagementCharts(
      history([
        { daysAgo: 4, status: 'present', participation: 'shared', rating: 5 }, // Monday
        { daysAgo: 3, status: 'absent_unexcused' },
        { daysAgo: 2, state: 'cancelled' },
        { daysAgo: 1, status: 'late', participation: 'listened', rating: 3 },
        { daysAgo: 7, status: 'present' }, // the week before
      ]),
      TODAY,
    );
    expect(charts.weeks).toHaveLength(12);
    expect(charts.days).toHaveLength(84);
    const thisWeek = charts.weeks[11];
    expect(thisWeek).toMatchObject({
      weekStart: '2026-11-16',
      weekEnd: '2026-11-22',
      attendance: { numerator: 2, denominator: 3 },
      missed: 1,
      cancelled: 1,
      engagement: { numerator: 8, denominator: 2, value: 4 },
      shared: 1,
      listened: 1,
    });
    expect(charts.weeks[10]?.attendance).toMatchObject({ numerator: 1, denominator: 1 });
    expect(charts.days.at(-1)).toEqual({
      date: '2026-11-22',
      attended: 0,
      expected: 0,
      future: true,
    });
  });
  it('are all empty weeks for someone with no sessions yet', () => {
    const charts = engagementCharts([], TODAY);
    expect(charts.weeks.every((w) => w.attendance.value === null)).toBe(true);
  });
});
