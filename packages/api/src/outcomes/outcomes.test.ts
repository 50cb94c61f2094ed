import type { AttendanceStatus } from '@homegroup/core';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, expectFieldError, signedIn, TestClock } from '../testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
// The world is set up on Monday 16 November 2026 (08:00 in Denver), when the day group starts,
// and read on Wednesday 25 November (10:00 in Denver).
const clock = new TestClock(new Date('2026-11-16T15:00:00Z'));
const READ_AT = new Date('2026-11-25T17:00:00Z');
type Caller = Awaited<ReturnType<typeof signedIn>>['caller'];
let counselor: Caller;
let admin: Caller;
let coordinator: Caller;
/** Day track, in treatment, in the day group. */
let day: string[];
/**
 * Evening track, twelve discharged on Friday 13 November: six completed treatment, six left AMA
 * (the last of them at level of care 3.7). Twelve, so that every rate checked has 0 or at least
 * 5 people in it and left out of it, and shows unsuppressed.
 */
let evening: string[];
let groupId: string;
let groupB: string;
let facilityC: string;
let sessions: { id: string; day: string }[];
/** The day-7 follow-up call of each discharged client, in `evening` order. */
let calls: string[];

const RANGE = { from: '2026-11-02', to: '2026-11-22' };
const WEEKS = ['2026-11-02', '2026-11-09', '2026-11-16'];

const record = (
  recordNumber: string,
  firstName: string,
  programTrack: string,
  admissionDate: string,
  levelOfCare: '2.1' | '3.5' | '3.7' = programTrack === 'Day' ? '2.1' : '3.5',
) => ({
  recordNumber,
  firstName,
  lastName: 'Outcome',
  preferredName: null,
  pronouns: null,
  dateOfBirth: '1990-03-03',
  primarySubstances: ['alcohol' as const],
  levelOfCare,
  programTrack,
  admissionDate,
  counselorStaffId: world.users.counselor.id,
  sobrietyDate: null,
  preferredFellowship: 'aa' as const,
  supportPerson: null,
  supportSince: null,
});

function entry(clientId: string, status: AttendanceStatus) {
  const came = status === 'present';
  return {
    person: { clientId },
    status,
    lateMinutes: null,
    leftEarlyMinutes: null,
    excuseReason: null,
    participation: came ? ('shared' as const) : null,
    engagementRating: came ? 4 : null,
    individualNote: null,
    walkIn: false,
    remove: false,
  };
}

async function saveAttendance(
  sessionId: string,
  entries: ReturnType<typeof entry>[],
  complete: boolean,
) {
  const view = await counselor.sessions.get({ sessionId });
  await counselor.sessions.saveAttendance({
    sessionId,
    baseVersion: view.session.version,
    entries,
    complete,
    addendumReason: null,
  });
}

const reached = (taskId: string) => ({
  taskId,
  outcome: 'reached' as const,
  attemptedOn: '2026-11-20',
  communityMeetings: 4,
  hasSponsor: true,
  abstinent: 'yes' as const,
  housing: 'stable' as const,
  workOrSchool: 'working' as const,
});

async function signInAll() {
  ({ caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock));
  ({ caller: admin } = await signedIn(t.db, 'admin@a.test', clock));
  ({ caller: coordinator } = await signedIn(t.db, 'coordinator@a.test', clock));
}

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  // The admin also directs a third facility of the organisation (but not facility B).
  const c = await t.db
    .insertInto('facilities')
    .values({
      organizationId: world.organizationId,
      name: 'C Facility',
      timeZone: 'America/Denver',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  facilityC = c.id;
  await t.db
    .insertInto('staffRoles')
    .values({ staffUserId: world.users.admin.id, facilityId: facilityC, role: 'admin' })
    .execute();
  await signInAll();

  const admit = async (n: string, name: string, track: string, on: string, level?: '3.7') =>
    (await counselor.clients.admit(record(n, name, track, on, level))).clientId;
  day = [];
  for (let i = 1; i <= 6; i++) day.push(await admit(`D-${i}`, `Day${i}`, 'Day', '2026-10-26'));
  evening = [];
  for (let i = 1; i <= 12; i++) {
    const level = i === 12 ? '3.7' : undefined;
    const clientId = await admit(`E-${i}`, `Eve${i}`, 'Evening', '2026-10-26', level);
    await counselor.clients.discharge({
      clientId,
      version: 1,
      dischargeDate: '2026-11-13',
      dischargeType: i <= 6 ? 'completed' : 'ama',
      alumniFollowUp: 'opted_in',
    });
    evening.push(clientId);
  }

  ({ groupId } = await counselor.groups.create({
    name: 'Day group',
    kind: 'aa',
    formatCodes: [],
    audiences: ['clients'],
    programTrack: null,
    minAge: null,
    participation: 'mandatory',
    enrolment: 'open',
    capacity: null,
    room: null,
    videoUrl: null,
    scheduleDays: [1, 2, 3, 4, 5],
    startTime: '18:00',
    durationMinutes: 60,
    firstSessionDate: '2026-11-16',
    monitorStaffId: world.users.monitor.id,
    coFacilitatorStaffId: null,
  }));
  for (const clientId of day) {
    await counselor.groups.enrol({
      groupId,
      person: { clientId },
      startDate: '2026-11-16',
      endDate: null,
      overrideReason: null,
    });
  }
  const { caller: counselorB } = await signedIn(t.db, 'counselor@b.test', clock);
  ({ groupId: groupB } = await counselorB.groups.create({
    name: 'B group',
    kind: 'aa',
    formatCodes: [],
    audiences: ['clients'],
    programTrack: null,
    minAge: null,
    participation: 'mandatory',
    enrolment: 'open',
    capacity: null,
    room: null,
    videoUrl: null,
    scheduleDays: [1],
    startTime: '18:00',
    durationMinutes: 60,
    firstSessionDate: '2026-11-16',
    monitorStaffId: world.users.counselorB.id,
    coFacilitatorStaffId: null,
  }));

  // Nine days on: Monday's and Tuesday's attendance is taken; the rest of the week is not.
  clock.current = READ_AT;
  await signInAll();
  const rows = await t.db
    .selectFrom('groupSessions')
    .select(['id', 'startsAt'])
    .where('groupId', '=', groupId)
    .orderBy('startsAt')
    .execute();
  sessions = rows.map((r) => ({ id: r.id, day: r.startsAt.toISOString().slice(0, 10) }));
  expect(sessions.slice(0, 3).map((s) => s.day)).toEqual([
    '2026-11-17', // 18:00 in Denver is 01:00 UTC the next day
    '2026-11-18',
    '2026-11-19',
  ]);
  const [monday, tuesday] = sessions;
  await saveAttendance(
    monday?.id ?? '',
    day.map((id) => entry(id, 'present')),
    true,
  );
  await saveAttendance(
    tuesday?.id ?? '',
    day.map((id, i) => entry(id, i < 5 ? 'present' : 'absent_unexcused')),
    true,
  );
  // One more evening client, admitted on Wednesday 18 November.
  await admit('E-13', 'Eve13', 'Evening', '2026-11-18');

  calls = [];
  for (const clientId of evening) {
    const page = await coordinator.alumni.page({ clientId });
    const call = page.followUps.find((f) => f.daysAfterDischarge === 7);
    expect(call?.dueOn).toBe('2026-11-20');
    calls.push(call?.id ?? '');
  }
  // Six of the twelve day-7 calls are made; the others are still owed.
  for (const taskId of calls.slice(0, 6)) await coordinator.alumni.recordFollowUp(reached(taskId));
});

afterAll(async () => {
  await t?.close();
});

type Dashboard = Awaited<ReturnType<Caller['outcomes']['dashboard']>>;
function indicator(d: Dashboard, id: string) {
  const found = d.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}
/** One column of an indicator, row key → cell. */
function cells(d: Dashboard, id: string, column: string) {
  return Object.fromEntries(indicator(d, id).rows.map((r) => [r.key, r.cells[column]]));
}
/** One column's shown counts (number or "<5"), in row order. */
function shownCounts(d: Dashboard, id: string, column: string) {
  return indicator(d, id).rows.map((r) => r.cells[column]?.numerator);
}

describe('the outcome dashboard', () => {
  it('counts census, admissions and discharges by week, showing 1–4 people as "<5"', async () => {
    const d = await admin.outcomes.dashboard(RANGE);
    expect(d.scope).toEqual({
      from: RANGE.from,
      to: RANGE.to,
      facilities: ['A Facility'],
      ownCaseload: false,
    });
    expect(d.today).toBe('2026-11-25');
    expect(indicator(d, 'census').rows.map((r) => r.key)).toEqual(WEEKS);
    // Week ending 8 Nov: six day clients, twelve evening clients and Alpha (admitted 1 Nov).
    // Week ending 15 Nov: the evening clients left on the 13th. Week ending 22 Nov: the newcomer.
    expect(shownCounts(d, 'census', 'census')).toEqual([19, 7, 8]);
    expect(shownCounts(d, 'census', 'discharges')).toEqual([0, 12, 0]);
    expect(shownCounts(d, 'census', 'admissions')).toEqual([0, 0, '<5']);
    expect(cells(d, 'census', 'admissions')['2026-11-16']).toEqual({
      kind: 'count',
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
    expect(cells(d, 'census', 'census')['2026-11-02']).toMatchObject({
      value: 19,
      suppressed: false,
    });
    // Zero is not a small number: it is shown.
    expect(cells(d, 'census', 'discharges')['2026-11-02']).toMatchObject({
      value: 0,
      suppressed: false,
    });
  });

  it('counts completion and AMA over the discharges, and the average stay', async () => {
    const d = await admin.outcomes.dashboard(RANGE);
    // One month in the range: no "whole range" row.
    expect(indicator(d, 'completion').rows.map((r) => r.key)).toEqual(['2026-11']);
    expect(cells(d, 'completion', 'completed')['2026-11']).toEqual({
      kind: 'rate',
      value: 0.5,
      numerator: 6,
      denominator: 12,
      n: 12,
      suppressed: false,
    });
    expect(cells(d, 'completion', 'ama')['2026-11']).toEqual({
      kind: 'rate',
      value: 0.5,
      numerator: 6,
      denominator: 12,
      n: 12,
      suppressed: false,
    });
    // 26 October to 13 November is 18 days, for all twelve.
    expect(cells(d, 'length_of_stay', 'days')['2026-11']).toMatchObject({
      value: 18,
      numerator: 216,
      n: 12,
      suppressed: false,
    });

    // One client at level 3.7, who left AMA: a rate over one person is hidden.
    const one = await admin.outcomes.dashboard({ ...RANGE, levelOfCare: '3.7' });
    expect(cells(one, 'completion', 'ama')['2026-11']).toMatchObject({
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
    expect(shownCounts(one, 'census', 'discharges')).toEqual([0, '<5', 0]);
  });

  it('counts sessions held and the attendance rate of the sessions taken', async () => {
    const d = await admin.outcomes.dashboard(RANGE);
    const held = cells(d, 'attendance', 'held');
    const rate = cells(d, 'attendance', 'rate');
    expect(WEEKS.map((w) => held[w]?.value)).toEqual([0, 0, 2]);
    expect(rate['2026-11-02']).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    // Monday 6 of 6, Tuesday 5 of 6; the sessions not taken yet count in neither.
    expect(rate['2026-11-16']).toEqual({
      kind: 'rate',
      value: 11 / 12,
      numerator: 11,
      denominator: 12,
      n: 6,
      suppressed: false,
    });
    // All six who attended were rated 4 on average.
    expect(cells(d, 'engagement', 'clients')['4']).toMatchObject({
      value: 1,
      numerator: 6,
      denominator: 6,
    });
  });

  it('counts follow-up calls due by today, made or not', async () => {
    const d = await admin.outcomes.dashboard(RANGE);
    expect(indicator(d, 'follow_up').rows.map((r) => r.key)).toEqual(['7']);
    expect(cells(d, 'follow_up', 'done')['7']).toMatchObject({
      value: 0.5,
      numerator: 6,
      denominator: 12,
      suppressed: false,
    });
  });

  it('is audited as a read of the dashboard', async () => {
    await admin.outcomes.dashboard(RANGE);
    const reads = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorStaffUserId', 'clientId'])
      .where('entityType', '=', 'outcome_dashboard')
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.every((r) => r.action === 'read' && r.clientId === null)).toBe(true);
  });
});

describe('filters', () => {
  it('narrows to a program track, a counselor or a group', async () => {
    const dayTrack = await admin.outcomes.dashboard({ ...RANGE, programTrack: 'Day' });
    expect(shownCounts(dayTrack, 'census', 'census')).toEqual([6, 6, 6]);
    const eveningTrack = await admin.outcomes.dashboard({ ...RANGE, programTrack: 'Evening' });
    expect(shownCounts(eveningTrack, 'census', 'census')).toEqual([12, 0, '<5']);
    expect(cells(eveningTrack, 'census', 'census')['2026-11-16']?.value).toBeNull();
    expect(cells(eveningTrack, 'attendance', 'held')['2026-11-16']?.value).toBe(2);
    expect(cells(eveningTrack, 'attendance', 'rate')['2026-11-16']).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });

    // Alpha has no counselor.
    const theirs = await admin.outcomes.dashboard({
      ...RANGE,
      counselorId: world.users.counselor.id,
    });
    expect(shownCounts(theirs, 'census', 'census')).toEqual([18, 6, 7]);

    const group = await admin.outcomes.dashboard({ ...RANGE, groupId });
    expect(shownCounts(group, 'census', 'census')).toEqual([6, 6, 6]);
    expect(cells(group, 'attendance', 'rate')['2026-11-16']).toMatchObject({
      numerator: 11,
      denominator: 12,
    });
  });

  it('shows a counselor their own caseload only', async () => {
    const d = await counselor.outcomes.dashboard(RANGE);
    expect(d.scope.ownCaseload).toBe(true);
    expect(shownCounts(d, 'census', 'census')).toEqual([18, 6, 7]);
    await expectFieldError(
      counselor.outcomes.dashboard({ ...RANGE, counselorId: world.users.admin.id }),
      'counselorId',
      'Counselors see the outcomes of their own caseload only.',
    );
  });

  it('refuses a range the wrong way round or over five years', async () => {
    await expectFieldError(
      admin.outcomes.dashboard({ from: RANGE.to, to: RANGE.from }),
      'to',
      'The end date is before the start date.',
    );
    await expectFieldError(
      admin.outcomes.dashboard({ from: '2020-01-01', to: '2025-01-01' }),
      'to',
      'Choose a range of at most 5 years.',
    );
    await expect(
      admin.outcomes.dashboard({ from: '2020-01-01', to: '2024-12-31' }),
    ).resolves.toBeTruthy();
  });

  it('refuses a facility the admin does not direct, and a group from another facility', async () => {
    // The admin is a counselor at facility B, not its director.
    await expectFieldError(
      admin.outcomes.dashboard({ ...RANGE, facilityIds: [world.facilityB] }),
      'facilityIds',
      'You can chart only the facilities you direct.',
    );
    await expectFieldError(
      admin.outcomes.dashboard({ ...RANGE, facilityIds: [world.facilityA, world.facilityB] }),
      'facilityIds',
      'You can chart only the facilities you direct.',
    );
    await expectFieldError(
      admin.outcomes.dashboard({ ...RANGE, groupId: groupB }),
      'groupId',
      'That group is not at the chosen facilities.',
    );
    await expectFieldError(
      admin.outcomes.dashboard({ ...RANGE, counselorId: world.users.counselorB.id }),
      'counselorId',
      'That counselor does not work at the chosen facilities.',
    );
    // Facilities the admin directs chart together.
    const both = await admin.outcomes.dashboard({
      ...RANGE,
      facilityIds: [world.facilityA, facilityC],
    });
    expect(both.scope.facilities).toEqual(['A Facility', 'C Facility']);
    expect(shownCounts(both, 'census', 'census')).toEqual([19, 7, 8]);
  });

  it('refuses group monitors and alumni coordinators', async () => {
    const { caller: monitor } = await signedIn(t.db, 'monitor@a.test', clock);
    for (const caller of [monitor, coordinator]) {
      await expect(caller.outcomes.dashboard(RANGE)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Your role does not give access to this.',
      });
      await expect(caller.outcomes.filterOptions()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('offers only what the staff member may chart', async () => {
    const forAdmin = await admin.outcomes.filterOptions();
    expect(forAdmin.facilities).toEqual([
      { id: world.facilityA, name: 'A Facility' },
      { id: facilityC, name: 'C Facility' },
    ]);
    expect(forAdmin).toMatchObject({ currentFacilityId: world.facilityA, ownCaseload: false });
    expect(forAdmin.programTracks).toEqual(['Day', 'Evening']);
    expect(forAdmin.groups.map((g) => g.name)).toEqual(['Day group']);
    expect(forAdmin.counselors.map((c) => c.id)).not.toContain(world.users.counselorB.id);

    const forCounselor = await counselor.outcomes.filterOptions();
    expect(forCounselor.facilities).toEqual([{ id: world.facilityA, name: 'A Facility' }]);
    expect(forCounselor.ownCaseload).toBe(true);
    expect(forCounselor.counselors).toEqual([
      { id: world.users.counselor.id, displayName: 'counselor', facilityId: world.facilityA },
    ]);
  });
});

describe('live figures', () => {
  it('moves the attendance rate on the next read after an attendance save', async () => {
    const before = cells(await admin.outcomes.dashboard(RANGE), 'attendance', 'rate')['2026-11-16'];
    // Wednesday's session: attendance not taken yet, one person recorded present.
    await saveAttendance(sessions[2]?.id ?? '', [entry(day[0] ?? '', 'present')], false);
    const after = await admin.outcomes.dashboard(RANGE);
    const rate = cells(after, 'attendance', 'rate')['2026-11-16'];
    expect(before).toMatchObject({ numerator: 11, denominator: 12 });
    expect(rate).toMatchObject({ numerator: 12, denominator: 13, value: 12 / 13 });
    // Still not taken, so not yet a session held.
    expect(cells(after, 'attendance', 'held')['2026-11-16']?.value).toBe(2);
  });

  it('moves follow-up completion on the next read after a call is recorded', async () => {
    const before = cells(await admin.outcomes.dashboard(RANGE), 'follow_up', 'done')['7'];
    expect(before).toMatchObject({ numerator: 6, denominator: 12 });
    await coordinator.alumni.recordFollowUp(reached(calls[6] ?? ''));
    const after = cells(await admin.outcomes.dashboard(RANGE), 'follow_up', 'done')['7'];
    expect(after).toMatchObject({ numerator: 7, denominator: 12, value: 7 / 12 });
  });
});
