import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, expectFieldError, signedIn, TestClock } from '../testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
// Monday 23 Nov 2026, 17:45 in Denver: the 18:00 group starts in a quarter of an hour.
const clock = new TestClock(new Date('2026-11-24T00:45:00Z'));
let groupId: string;
let people: string[];

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  const rows = await t.db
    .insertInto('clients')
    .values(
      ['Ada', 'Bo', 'Cy', 'Di', 'Ed'].map((firstName, i) => ({
        facilityId: world.facilityA,
        recordNumber: `S-${i}`,
        firstName,
        lastName: 'Sessionson',
        admissionDate: '2026-11-01',
        status: 'in_treatment' as const,
      })),
    )
    .returning('id')
    .execute();
  people = rows.map((r) => r.id);
  const { caller } = await signedIn(t.db, 'counselor@a.test', clock);
  ({ groupId } = await caller.groups.create({
    name: 'Evening NA',
    kind: 'na',
    formatCodes: ['C', 'D'],
    audiences: ['clients'],
    programTrack: null,
    minAge: null,
    participation: 'mandatory',
    enrolment: 'open',
    capacity: null,
    room: 'Room 2',
    videoUrl: null,
    scheduleDays: [1, 2, 3, 4, 5],
    startTime: '18:00',
    durationMinutes: 60,
    firstSessionDate: '2026-11-23',
    monitorStaffId: world.users.monitor.id,
    coFacilitatorStaffId: null,
  }));
  for (const id of people.slice(0, 4)) {
    await caller.groups.enrol({
      groupId,
      person: { clientId: id },
      startDate: '2026-11-23',
      endDate: null,
      overrideReason: null,
    });
  }
});
afterAll(async () => {
  await t.close();
});

async function todaySessionId() {
  const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
  const today = await caller.sessions.today();
  const s = today.sessions.find((x) => x.groupId === groupId);
  if (!s) throw new Error('no session today');
  return s.id;
}

const present = (clientId: string) => ({
  person: { clientId },
  status: 'present' as const,
  lateMinutes: null,
  leftEarlyMinutes: null,
  excuseReason: null,
  participation: null,
  engagementRating: null,
  individualNote: null,
  walkIn: false,
  remove: false,
});

describe('Today', () => {
  it('shows today’s session with what it needs', async () => {
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const today = await caller.sessions.today();
    expect(today.date).toBe('2026-11-23');
    const s = today.sessions.find((x) => x.groupId === groupId);
    expect(s).toMatchObject({
      groupName: 'Evening NA',
      startsAt: '2026-11-24T01:00:00.000Z',
      rosterCount: 4,
      recordedCount: 0,
      needs: { attendance: true, signature: true },
      mine: true,
      canOpen: true,
    });
  });
});

describe('logging attendance', () => {
  it('saves the whole room in one request and shows it back', async () => {
    const sessionId = await todaySessionId();
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const view = await caller.sessions.get({ sessionId });
    expect(view.people.map((p) => p.name)).toEqual(['Ada S.', 'Bo S.', 'Cy S.', 'Di S.']);
    expect(view.people.every((p) => p.entry === null)).toBe(true);

    const [ada, bo, cy, di] = people as [string, string, string, string];
    const saved = await caller.sessions.saveAttendance({
      sessionId,
      baseVersion: view.session.version,
      details: {
        topic: 'Step 1: powerlessness',
        stepFocus: 1,
        reading: 'Basic Text ch. 4',
        sharedNote: 'Good energy.',
      },
      entries: [
        { ...present(ada), participation: 'shared', engagementRating: 5 },
        {
          ...present(bo),
          status: 'late',
          lateMinutes: 10,
          participation: 'listened',
          engagementRating: 3,
        },
        { ...present(cy), status: 'absent_excused', excuseReason: 'Medical appointment' },
        {
          ...present(di),
          status: 'left_early',
          leftEarlyMinutes: 15,
          engagementRating: 2,
          individualNote: 'Left for a phone call.',
        },
      ],
      complete: true,
      addendumReason: null,
    });
    expect(saved).toMatchObject({ state: 'completed', changed: 4 });

    const after = await caller.sessions.get({ sessionId });
    expect(after.session).toMatchObject({
      state: 'completed',
      topic: 'Step 1: powerlessness',
      stepFocus: 1,
    });
    expect(
      after.people.map((p) => [p.name, p.entry?.status, p.entry?.engagementRating ?? null]),
    ).toEqual([
      ['Ada S.', 'present', 5],
      ['Bo S.', 'late', 3],
      ['Cy S.', 'absent_excused', null],
      ['Di S.', 'left_early', 2],
    ]);
    expect(after.canSign).toBe(true);

    const writes = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'clientId'])
      .where('entityType', '=', 'attendance_record')
      .where('entityId', '=', sessionId)
      .execute();
    expect(writes.map((w) => w.clientId).sort()).toEqual([ada, bo, cy, di].sort());
    const reads = await t.db
      .selectFrom('auditEvents')
      .select('clientId')
      .where('entityType', '=', 'attendance')
      .where('action', '=', 'read')
      .where('entityId', '=', sessionId)
      .execute();
    expect(reads.length).toBe(8);
  });

  it('adds a walk-in without touching anyone else’s entry, and can take them off again', async () => {
    const sessionId = await todaySessionId();
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const view = await caller.sessions.get({ sessionId });
    const walkIn = people[4] as string;
    await caller.sessions.saveAttendance({
      sessionId,
      baseVersion: view.session.version,
      entries: [
        { ...present(walkIn), walkIn: true, participation: 'listened', engagementRating: 4 },
      ],
      complete: false,
      addendumReason: null,
    });
    const after = await caller.sessions.get({ sessionId });
    expect(after.people.map((p) => [p.name, p.onRoster, p.entry?.status])).toEqual([
      ['Ada S.', true, 'present'],
      ['Bo S.', true, 'late'],
      ['Cy S.', true, 'absent_excused'],
      ['Di S.', true, 'left_early'],
      ['Ed S.', false, 'present'],
    ]);
    await caller.sessions.saveAttendance({
      sessionId,
      baseVersion: after.session.version,
      entries: [{ ...present(walkIn), remove: true }],
      complete: false,
      addendumReason: null,
    });
    expect((await caller.sessions.get({ sessionId })).people).toHaveLength(4);
  });

  it('refuses bad entries with a message per field, and saves none of them', async () => {
    const sessionId = await todaySessionId();
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const view = await caller.sessions.get({ sessionId });
    const [ada, bo] = people as [string, string];
    await expectFieldError(
      caller.sessions.saveAttendance({
        sessionId,
        baseVersion: view.session.version,
        entries: [
          { ...present(ada), engagementRating: 1 },
          { ...present(bo), status: 'late', lateMinutes: 90 },
        ],
        complete: false,
        addendumReason: null,
      }),
      'entries.1.lateMinutes',
      'Minutes late must be less than the session’s 60 minutes.',
    );
    await expectFieldError(
      caller.sessions.saveAttendance({
        sessionId,
        baseVersion: view.session.version,
        entries: [{ ...present(ada), engagementRating: 6 }],
        complete: false,
        addendumReason: null,
      }),
      'entries',
      /Engagement is rated from 1 to 5/,
    );
    const after = await caller.sessions.get({ sessionId });
    expect(after.session.version).toBe(view.session.version);
    expect(after.people.find((p) => p.name === 'Ada S.')?.entry?.engagementRating).toBe(5);
  });

  it('refuses a person from another facility and saves nothing of the request', async () => {
    const sessionId = await todaySessionId();
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const view = await caller.sessions.get({ sessionId });
    await expect(
      caller.sessions.saveAttendance({
        sessionId,
        baseVersion: view.session.version,
        entries: [
          { ...present(people[0] as string), individualNote: 'should not be saved' },
          { ...present(world.clientB), walkIn: true },
        ],
        complete: false,
        addendumReason: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = await caller.sessions.get({ sessionId });
    expect(after.people.find((p) => p.name === 'Ada S.')?.entry?.individualNote).toBeNull();
  });

  it('merges two people’s saves and shows a conflict only where both changed the same person', async () => {
    const sessionId = await todaySessionId();
    const monitor = await signedIn(t.db, 'monitor@a.test', clock);
    const counselor = await signedIn(t.db, 'counselor@a.test', clock);
    const base = (await monitor.caller.sessions.get({ sessionId })).session.version;
    const [ada, , cy] = people as [string, string, string];

    await counselor.caller.sessions.saveAttendance({
      sessionId,
      baseVersion: base,
      entries: [{ ...present(ada), participation: 'shared', engagementRating: 4 }],
      complete: false,
      addendumReason: null,
    });
    // The monitor, working from the older screen, changed someone else: merged, nothing lost.
    await monitor.caller.sessions.saveAttendance({
      sessionId,
      baseVersion: base,
      entries: [{ ...present(cy), status: 'absent_excused', excuseReason: 'Court date' }],
      complete: false,
      addendumReason: null,
    });
    // …and then the same person the counselor changed: a conflict, in words.
    const error = await monitor.caller.sessions
      .saveAttendance({
        sessionId,
        baseVersion: base,
        entries: [{ ...present(ada), engagementRating: 2 }],
        complete: false,
        addendumReason: null,
      })
      .then(
        () => null,
        (e) => e,
      );
    expect(error?.code).toBe('CONFLICT');
    expect(error?.cause?.details?.conflicts).toEqual([
      'Ada S.: saved as Present by someone else; yours is Present.',
    ]);
    const after = await monitor.caller.sessions.get({ sessionId });
    const entry = (name: string) => after.people.find((p) => p.name === name)?.entry;
    expect(entry('Ada S.')?.engagementRating).toBe(4);
    expect(entry('Cy S.')?.excuseReason).toBe('Court date');
    expect(entry('Bo S.')?.status).toBe('late');
  });

  it('locks on signing; later changes need a reason and are kept as an addendum', async () => {
    const sessionId = await todaySessionId();
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const view = await caller.sessions.get({ sessionId });
    await expect(
      caller.sessions.sign({ sessionId, baseVersion: view.session.version - 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await caller.sessions.sign({ sessionId, baseVersion: view.session.version });
    const signed = await caller.sessions.get({ sessionId });
    expect(signed.session).toMatchObject({
      state: 'signed',
      locked: true,
      signedByName: 'monitor',
    });

    await expectFieldError(
      caller.sessions.saveAttendance({
        sessionId,
        baseVersion: signed.session.version,
        entries: [{ ...present(people[1] as string) }],
        complete: false,
        addendumReason: null,
      }),
      'addendumReason',
      /This session is signed\. Say why/,
    );
    await caller.sessions.saveAttendance({
      sessionId,
      baseVersion: signed.session.version,
      entries: [{ ...present(people[1] as string) }],
      complete: false,
      addendumReason: 'Bo was on time; the clock in room 2 is fast.',
    });
    const after = await caller.sessions.get({ sessionId });
    expect(after.session.state).toBe('signed');
    expect(after.addenda).toHaveLength(1);
    expect(after.addenda[0]).toMatchObject({
      reason: 'Bo was on time; the clock in room 2 is fast.',
      author: 'monitor',
      changes: { entries: [{ person: 'Bo S.', before: 'Late', after: 'Present' }] },
    });
    await expect(
      caller.sessions.sign({ sessionId, baseVersion: after.session.version }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('who may log', () => {
  it('refuses a monitor who does not monitor the group, unless the facility allows any', async () => {
    const sessionId = await todaySessionId();
    const other = await t.db
      .insertInto('staffUsers')
      .values({
        organizationId: (
          await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
        ).id,
        email: 'othermonitor@a.test',
        displayName: 'Other monitor',
        passwordHash: (
          await t.db
            .selectFrom('staffUsers')
            .select('passwordHash')
            .where('id', '=', world.users.monitor.id)
            .executeTakeFirstOrThrow()
        ).passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('staffRoles')
      .values({ staffUserId: other.id, facilityId: world.facilityA, role: 'group_monitor' })
      .execute();
    const { caller } = await signedIn(t.db, 'othermonitor@a.test', clock);
    await expect(caller.sessions.get({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const today = await caller.sessions.today();
    expect(today.sessions.find((s) => s.id === sessionId)?.canOpen).toBe(false);

    await t.db
      .insertInto('facilitySettings')
      .values({ facilityId: world.facilityA, monitorsLogAnySession: true })
      .execute();
    expect((await caller.sessions.get({ sessionId })).session.id).toBe(sessionId);
  });

  it('hides the session from another facility and from an alumni coordinator', async () => {
    const sessionId = await todaySessionId();
    const b = await signedIn(t.db, 'counselor@b.test', clock);
    await expect(b.caller.sessions.get({ sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const coordinator = await signedIn(t.db, 'coordinator@a.test', clock);
    await expect(coordinator.caller.sessions.get({ sessionId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('sessions outside the schedule', () => {
  it('are added for a date, refused more than 30 days back or twice at one time', async () => {
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const base = { groupId, startTime: '12:00', durationMinutes: 45 };
    const { sessionId } = await caller.sessions.createAdHoc({ ...base, date: '2026-11-28' });
    expect((await caller.sessions.get({ sessionId })).session).toMatchObject({
      startsAt: '2026-11-28T19:00:00.000Z',
      durationMinutes: 45,
    });
    await expect(
      caller.sessions.createAdHoc({ ...base, date: '2026-11-28' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expectFieldError(
      caller.sessions.createAdHoc({ ...base, date: '2026-10-23' }),
      'date',
      'A session can be added up to 30 days after it took place.',
    );
  });
});

describe('cancelling and the overdue queue', () => {
  it('cancels an untouched session with a reason, and lists past sessions still needing work', async () => {
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const { group, sessions } = await caller.groups.get({ groupId });
    expect(group.name).toBe('Evening NA');
    const tomorrow = sessions.find((s) => s.startsAt === '2026-11-25T01:00:00.000Z');
    if (!tomorrow) throw new Error('no session tomorrow');
    await expectFieldError(
      caller.sessions.cancel({ sessionId: tomorrow.id, reason: ' ' }),
      'reason',
      'Give the reason the session is cancelled.',
    );
    await caller.sessions.cancel({
      sessionId: tomorrow.id,
      reason: 'Facility closed for the holiday',
    });

    // Two days later, Wednesday's session (the 25th, local) was never taken: it is overdue.
    const later = new TestClock(new Date('2026-11-27T12:00:00Z'));
    const { caller: laterCaller } = await signedIn(t.db, 'monitor@a.test', later);
    const today = await laterCaller.sessions.today();
    const overdue = today.overdue.map((s) => s.startsAt);
    expect(overdue).toContain('2026-11-26T01:00:00.000Z');
    expect(overdue).not.toContain('2026-11-25T01:00:00.000Z'); // cancelled
    expect(overdue).not.toContain('2026-11-24T01:00:00.000Z'); // signed
  });
});
