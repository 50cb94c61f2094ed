import { type AttendanceStatus, addDays } from '@homegroup/core';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, expectFieldError, signedIn, TestClock } from '../testing';
import { exportCaseloadCsv } from './export-caseload';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
// The group starts Monday 2 November 2026; the review happens Friday 20 November, 20:00 Denver.
const clock = new TestClock(new Date('2026-11-02T16:00:00Z'));
const REVIEW = new Date('2026-11-21T03:00:00Z');
type Caller = Awaited<ReturnType<typeof signedIn>>['caller'];
let counselor: Caller;
let ids: { steady: string; drifting: string; gone: string };

const record = (recordNumber: string, firstName: string, extra: object = {}) => ({
  recordNumber,
  firstName,
  lastName: 'Caseload',
  preferredName: null,
  pronouns: null,
  dateOfBirth: '1990-04-04',
  primarySubstances: ['alcohol' as const],
  levelOfCare: '3.5' as const,
  programTrack: null,
  admissionDate: '2026-10-20',
  counselorStaffId: world.users.counselor.id,
  sobrietyDate: '2026-10-15',
  preferredFellowship: 'aa' as const,
  supportPerson: null,
  supportSince: null,
  ...extra,
});

function entry(clientId: string, status: AttendanceStatus, rating: number | null) {
  const came = status === 'present';
  return {
    person: { clientId },
    status,
    lateMinutes: null,
    leftEarlyMinutes: null,
    excuseReason: null,
    participation: came ? ('shared' as const) : null,
    engagementRating: came ? rating : null,
    individualNote: null,
    walkIn: false,
    remove: false,
  };
}

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  ({ caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock));
  const admit = async (n: string, name: string) =>
    (await counselor.clients.admit(record(n, name))).clientId;
  ids = {
    steady: await admit('C-1', 'Steady'),
    drifting: await admit('C-2', 'Drifting'),
    gone: await admit('C-3', 'Gone'),
  };
  const { groupId } = await counselor.groups.create({
    name: 'Weekday AA',
    kind: 'aa',
    formatCodes: ['C'],
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
    firstSessionDate: '2026-11-02',
    monitorStaffId: world.users.monitor.id,
    coFacilitatorStaffId: null,
  });
  for (const id of Object.values(ids)) {
    await counselor.groups.enrol({
      groupId,
      person: { clientId: id },
      startDate: '2026-11-02',
      endDate: null,
      overrideReason: null,
    });
  }
  // Three weeks of sessions, logged on the evening of each.
  const sessions = await t.db
    .selectFrom('groupSessions')
    .select(['id', 'startsAt'])
    .where('groupId', '=', groupId)
    .where('startsAt', '<', REVIEW)
    .orderBy('startsAt')
    .execute();
  expect(sessions).toHaveLength(15);
  for (const [i, s] of sessions.entries()) {
    await at(new Date(s.startsAt.getTime() + 90 * 60_000));
    const week = Math.floor(i / 5);
    const view = await counselor.sessions.get({ sessionId: s.id });
    await counselor.sessions.saveAttendance({
      sessionId: s.id,
      baseVersion: view.session.version,
      entries: [
        entry(ids.steady, 'present', 4),
        entry(ids.drifting, i >= 13 ? 'absent_unexcused' : 'present', 5 - week),
        entry(ids.gone, i < 5 ? 'present' : 'absent_unexcused', 3),
      ],
      complete: true,
      addendumReason: null,
    });
  }
  await at(REVIEW);
});

/** Moves the clock (far past the idle time-out) and signs the counselor in again. */
async function at(when: Date) {
  clock.current = when;
  ({ caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock));
}
afterAll(async () => {
  await t?.close();
});

const page = (over: object = {}) =>
  counselor.clients.caseload({
    page: 1,
    pageSize: 50,
    sort: 'attendanceRate',
    direction: 'asc',
    counselor: 'mine',
    status: 'in_treatment',
    ...over,
  });

describe('the caseload', () => {
  it('shows each client’s figures, live from the attendance saved, sorted by attendance', async () => {
    const result = await page();
    expect(
      result.rows.map((r) => [r.name, r.attendance.numerator, r.attendance.denominator]),
    ).toEqual([
      ['Caseload, Gone', 0, 10],
      ['Caseload, Drifting', 8, 10],
      ['Caseload, Steady', 10, 10],
    ]);
    const steady = result.rows.find((r) => r.clientId === ids.steady);
    expect(steady).toMatchObject({
      participation: { numerator: 10, denominator: 10 },
      engagement: { value: 4, denominator: 10 },
      engagementTrend: 0,
      lastAttended: '2026-11-20',
      daysInTreatment: 31,
      daysSober: 36,
      counselorName: 'counselor',
      flags: [],
    });
    expect(result.rowCount).toBe(3);
  });

  it('raises flags with their reasons, filters by them, and sorts with nobody lost', async () => {
    const gone = (await page({ flag: 'no_recent_attendance' })).rows;
    expect(gone.map((r) => r.name)).toEqual(['Caseload, Gone']);
    expect(gone[0]?.flags.map((f) => f.rule).sort()).toEqual([
      'low_attendance',
      'missed_in_a_row',
      'no_recent_attendance',
    ]);
    const drifting = (await page({ flag: 'engagement_falling' })).rows;
    expect(drifting.map((r) => r.name)).toEqual(['Caseload, Drifting']);
    expect(drifting[0]?.engagementTrend).toBe(-2);
    const byName = await page({ sort: 'name', direction: 'desc', counselor: 'all' });
    expect(byName.rows.map((r) => r.name)).toEqual([
      'Testperson, Alpha',
      'Caseload, Steady',
      'Caseload, Gone',
      'Caseload, Drifting',
    ]);
    expect((await page({ search: 'drift' })).rows).toHaveLength(1);
  });

  it('lists what needs attention and lets a counselor acknowledge a flag with a note', async () => {
    const before = await counselor.clients.needsAttention({ mine: true });
    const flag = before.find((f) => f.clientId === ids.gone && f.rule === 'no_recent_attendance');
    expect(flag?.reason).toBe('No session attended for 14 days (last on Nov 6, 2026).');
    await expectFieldError(
      counselor.clients.acknowledgeFlag({ flagId: flag?.flagId ?? '', note: '  ' }),
      'note',
      'Say what you did or decided about this flag.',
    );
    await counselor.clients.acknowledgeFlag({
      flagId: flag?.flagId ?? '',
      note: 'Called the client; back in group Monday.',
    });
    const after = await counselor.clients.needsAttention({ mine: true });
    expect(after).toHaveLength(before.length - 1);
    await expect(
      counselor.clients.acknowledgeFlag({ flagId: flag?.flagId ?? '', note: 'Again' }),
    ).rejects.toThrow('Someone already acknowledged this flag.');
    const unacknowledged = await page({ flag: 'unacknowledged' });
    expect(unacknowledged.rows.map((r) => r.name)).toContain('Caseload, Gone');
  });

  it('refuses monitors and coordinators, and shows another facility nothing', async () => {
    const { caller: monitor } = await signedIn(t.db, 'monitor@a.test', clock);
    await expect(page.call(null)).resolves.toBeTruthy();
    await expect(
      monitor.clients.caseload({
        page: 1,
        pageSize: 50,
        sort: 'name',
        direction: 'asc',
        counselor: 'all',
        status: 'all',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller: other } = await signedIn(t.db, 'counselor@b.test', clock);
    const theirs = await other.clients.caseload({
      page: 1,
      pageSize: 50,
      sort: 'name',
      direction: 'asc',
      counselor: 'all',
      status: 'all',
    });
    expect(theirs.rows.map((r) => r.name)).toEqual(['Testperson, Bravo']);
    await expect(other.clients.page({ clientId: ids.steady })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('the client page', () => {
  it('brings the record, figures and twelve weeks of charts in one audited read', async () => {
    const p = await counselor.clients.page({ clientId: ids.drifting });
    expect(p.client).toMatchObject({ firstName: 'Drifting', daysSober: 36, levelOfCare: '3.5' });
    expect(p.client.nextMilestone).toMatchObject({ label: '60 days', date: '2026-12-14' });
    expect(p.summary.attendance).toMatchObject({ numerator: 8, denominator: 10 });
    expect(p.charts.weeks).toHaveLength(12);
    expect(p.charts.weeks.at(-1)?.attendance).toMatchObject({ numerator: 3, denominator: 5 });
    expect(p.charts.weeks.at(-3)?.engagement.value).toBe(5);
    expect(
      p.flags
        .filter((f) => f.clearedOn === null)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['engagement_falling', 'missed_in_a_row']);
    expect(p.steps).toHaveLength(12);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'clientId'])
      .where('entityType', '=', 'client_page')
      .where('clientId', '=', ids.drifting)
      .execute();
    expect(audit).toEqual([{ action: 'read', clientId: ids.drifting }]);
  });

  it('has honest empty charts for a client with no sessions yet', async () => {
    const p = await counselor.clients.page({ clientId: world.clientA });
    expect(p.summary.attendance.value).toBeNull();
    expect(p.charts.weeks.every((w) => w.attendance.denominator === 0)).toBe(true);
  });
});

describe('the client record', () => {
  it('refuses a sobriety date in the future, a taken record number and another facility’s counselor', async () => {
    await expectFieldError(
      counselor.clients.admit(record('C-9', 'Future', { sobrietyDate: '2026-11-25' })),
      'sobrietyDate',
      'The sobriety date cannot be in the future.',
    );
    await expectFieldError(
      counselor.clients.admit(record('C-1', 'Twin')),
      'recordNumber',
      'Record number C-1 belongs to another client here.',
    );
    await expectFieldError(
      counselor.clients.admit(
        record('C-9', 'Elsewhere', { counselorStaffId: world.users.counselorB.id }),
      ),
      'counselorStaffId',
      'Choose a counselor who works at this facility.',
    );
    const count = await t.db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recordNumber', '=', 'C-9')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('keeps two people from overwriting each other’s edits', async () => {
    const p = await counselor.clients.page({ clientId: ids.steady });
    const { clientId, version } = { clientId: ids.steady, version: p.client.version };
    await counselor.clients.update({
      ...record('C-1', 'Steady', { pronouns: 'they/them' }),
      clientId,
      version,
    });
    await expect(
      counselor.clients.update({ ...record('C-1', 'Steady'), clientId, version }),
    ).rejects.toThrow('Someone else changed this record since you opened it.');
  });

  it('refuses a discharge before admission and changes nothing; a discharge ends enrolments', async () => {
    const p = await counselor.clients.page({ clientId: ids.gone });
    await expectFieldError(
      counselor.clients.discharge({
        clientId: ids.gone,
        version: p.client.version,
        dischargeDate: '2026-10-01',
        dischargeType: 'ama',
        alumniFollowUp: 'opted_out',
      }),
      'dischargeDate',
      'The discharge date cannot be before the admission date (Oct 20, 2026).',
    );
    expect((await counselor.clients.page({ clientId: ids.gone })).client.status).toBe(
      'in_treatment',
    );
    const done = await counselor.clients.discharge({
      clientId: ids.gone,
      version: p.client.version,
      dischargeDate: '2026-11-20',
      dischargeType: 'ama',
      alumniFollowUp: 'opted_in',
    });
    expect(done.enrolmentsEnded).toBe(1);
    const after = await counselor.clients.page({ clientId: ids.gone });
    expect(after.client).toMatchObject({
      status: 'alumni',
      dischargeType: 'ama',
      alumniFollowUp: 'opted_in',
    });
    // No longer in treatment: the "no recent attendance" flag clears.
    expect(after.flags.find((f) => f.rule === 'no_recent_attendance')?.clearedOn).toBe(
      '2026-11-20',
    );
  });

  it('adds family members for family groups', async () => {
    await counselor.clients.addFamilyMember({
      clientId: ids.steady,
      firstName: 'Pat',
      lastName: 'Caseload',
      preferredName: null,
      relationship: 'Parent',
      dateOfBirth: '1960-01-01',
    });
    const p = await counselor.clients.page({ clientId: ids.steady });
    expect(p.family.map((f) => [f.firstName, f.relationship])).toEqual([['Pat', 'Parent']]);
  });
});

describe('step work, goals and milestones', () => {
  it('refuses a step completed before it was started, and records one done right', async () => {
    await expectFieldError(
      counselor.clients.setStep({
        clientId: ids.steady,
        step: 1,
        status: 'completed',
        startedOn: '2026-11-10',
        completedOn: '2026-11-05',
      }),
      'completedOn',
      'A step cannot be completed before it was started.',
    );
    await counselor.clients.setStep({
      clientId: ids.steady,
      step: 1,
      status: 'completed',
      startedOn: '2026-11-01',
      completedOn: '2026-11-09',
    });
    await counselor.clients.setStep({
      clientId: ids.steady,
      step: 2,
      status: 'working',
      startedOn: '2026-11-10',
      completedOn: null,
    });
    const p = await counselor.clients.page({ clientId: ids.steady });
    expect(p.steps.slice(0, 3).map((s) => s.status)).toEqual([
      'completed',
      'working',
      'not_started',
    ]);
  });

  it('refuses a goal with no text; keeps progress notes and status changes', async () => {
    await expectFieldError(
      counselor.clients.addGoal({ clientId: ids.steady, text: '   ', targetDate: null }),
      'text',
      'Write the goal in the client’s words.',
    );
    const { goalId } = await counselor.clients.addGoal({
      clientId: ids.steady,
      text: 'Find a home group near my apartment',
      targetDate: '2026-12-31',
    });
    await counselor.clients.addGoalNote({
      goalId,
      note: 'Tried two meetings.',
      status: 'achieved',
    });
    const p = await counselor.clients.page({ clientId: ids.steady });
    expect(p.goals[0]).toMatchObject({
      status: 'achieved',
      notes: [{ note: 'Tried two meetings.', statusAfter: 'achieved' }],
    });
  });

  it('lists milestones in the coming week and lets an admin change a fellowship’s set', async () => {
    const { caller: admin } = await signedIn(t.db, 'admin@a.test', clock);
    await expectFieldError(
      admin.facility.updateMilestoneSet({ fellowship: 'aa', milestones: '30 days' }),
      'milestones',
      /is not a milestone/,
    );
    // Sober since 15 October: 36 days today. A 40-day milestone falls on 24 November.
    await admin.facility.updateMilestoneSet({ fellowship: 'aa', milestones: '40d, 24h' });
    const upcoming = await counselor.clients.upcomingMilestones({ mine: true });
    expect(upcoming.upcoming.map((u) => [u.name, u.label, u.date])).toContainEqual([
      'Steady Caseload',
      '40 days',
      '2026-11-24',
    ]);
    const sets = await admin.facility.milestoneSets();
    expect(sets.find((s) => s.fellowship === 'aa')?.milestones).toBe('24h, 40d');
  });
});

describe('flag thresholds', () => {
  it('refuse a value out of range, and re-flag every client when an admin changes them', async () => {
    const { caller: admin } = await signedIn(t.db, 'admin@a.test', clock);
    const current = await admin.facility.flagSettings();
    await expectFieldError(
      admin.facility.updateFlagSettings({ ...current, engagementDrop: 0.25 }),
      'engagementDrop',
      'The fall in engagement must be at least 0.5 points.',
    );
    expect(await admin.facility.flagSettings()).toEqual(current);
    await expect(
      counselor.facility.updateFlagSettings({ ...current, lowAttendancePercent: 90 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await page({ flag: 'low_attendance' })).rows.map((r) => r.name)).not.toContain(
      'Caseload, Drifting',
    );
    await admin.facility.updateFlagSettings({ ...current, lowAttendancePercent: 90 });
    // Drifting attended 8 of 10: under 90 %, so flagged on the next view.
    expect((await page({ flag: 'low_attendance' })).rows.map((r) => r.name)).toContain(
      'Caseload, Drifting',
    );
    await admin.facility.updateFlagSettings(current);
  });
});

describe('the CSV export', () => {
  it('streams more than 10,000 rows with one audit event per client exported', async () => {
    const { sql } = await import('kysely');
    await sql`insert into clients (facility_id, record_number, first_name, last_name, admission_date, status)
      select ${world.facilityA}, 'BULK-' || n, 'Bulk', 'Person ' || n, date '2026-11-01', 'in_treatment'
      from generate_series(1, 10050) as n`.execute(t.db);
    const staff = {
      userId: world.users.counselor.id,
      displayName: 'counselor',
      email: 'counselor@a.test',
      role: 'counselor' as const,
      facility: {
        id: world.facilityA,
        name: 'A Facility',
        timeZone: 'America/Denver',
        organizationId: world.organizationId,
      },
      sessionId: 'test',
      sessionCreatedAt: REVIEW,
      twoFactorSetupRequired: false,
      expiresAt: addDays('2026-11-22', 1) as unknown as Date,
    };
    const ctx = {
      db: t.db,
      now: () => REVIEW,
      request: { ip: '127.0.0.1', userAgent: null },
    } as never;
    let text = '';
    let chunks = 0;
    for await (const chunk of exportCaseloadCsv(ctx, staff, {
      sort: 'name',
      direction: 'asc',
      counselor: 'all',
      status: 'in_treatment',
    })) {
      text += chunk;
      chunks += 1;
    }
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toContain('"Name","Record","Counselor","Level of care"');
    expect(lines.length - 1).toBeGreaterThan(10_050);
    expect(chunks).toBeGreaterThan(20);
    const exported = await t.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'export')
      .executeTakeFirstOrThrow();
    expect(Number(exported.n)).toBe(lines.length - 1);
  });
});
