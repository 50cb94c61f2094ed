import { createTestDb, type TestDb } from '@homegroup/db/testing';
import type { GroupInput } from '@homegroup/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, expectFieldError, signedIn, TestClock } from '../testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
const clock = new TestClock(new Date('2026-11-21T15:00:00Z')); // 08:00 in Denver, a Saturday
beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

const counselor = () => signedIn(t.db, 'counselor@a.test', clock);

function groupInput(overrides: Partial<GroupInput> = {}): GroupInput {
  return {
    name: `Group ${Math.random().toString(36).slice(2, 8)}`,
    kind: 'na',
    formatCodes: ['C', 'D'],
    audiences: ['clients'],
    programTrack: null,
    minAge: null,
    participation: 'optional',
    enrolment: 'open',
    capacity: null,
    room: 'Room 2',
    videoUrl: null,
    scheduleDays: [1, 3],
    startTime: '18:30',
    durationMinutes: 60,
    firstSessionDate: '2026-11-23',
    monitorStaffId: world.users.monitor.id,
    coFacilitatorStaffId: null,
    ...overrides,
  };
}

describe('the group catalogue', () => {
  it('creates a group and its sessions for the next four weeks, in the facility’s time zone', async () => {
    const { caller } = await counselor();
    const { groupId } = await caller.groups.create(groupInput({ name: 'Monday Wednesday NA' }));
    const { group, sessions } = await caller.groups.get({ groupId });
    expect(group).toMatchObject({
      name: 'Monday Wednesday NA',
      schedule: 'Mon, Wed 18:30 · 60 min',
    });
    // Mon 23 Nov … Wed 16 Dec in Denver (UTC−7): 8 sessions, the first at 01:30 UTC on the 24th.
    expect(sessions).toHaveLength(8);
    expect(sessions[0]?.startsAt).toBe('2026-11-24T01:30:00.000Z');
    expect((await caller.groups.list()).map((g) => g.name)).toContain('Monday Wednesday NA');
  });

  it('refuses a first session in the past, a schedule with no days, 0 or over 8 hours', async () => {
    const { caller } = await counselor();
    await expectFieldError(
      caller.groups.create(groupInput({ firstSessionDate: '2026-11-20' })),
      'firstSessionDate',
      'A new group’s first session cannot be in the past.',
    );
    await expectFieldError(
      caller.groups.create(groupInput({ scheduleDays: [] })),
      'scheduleDays',
      'Choose at least one day of the week.',
    );
    await expectFieldError(
      caller.groups.create(groupInput({ durationMinutes: 0 })),
      'durationMinutes',
      'A session lasts at least 1 minute.',
    );
    await expectFieldError(
      caller.groups.create(groupInput({ durationMinutes: 481 })),
      'durationMinutes',
      /at most 8 hours/,
    );
    await expectFieldError(
      caller.groups.create(groupInput({ formatCodes: ['O', 'C'] })),
      'formatCodes',
      'A meeting is either open or closed, not both.',
    );
  });

  it('refuses a monitor from another facility and a duplicate name', async () => {
    const { caller } = await counselor();
    await expectFieldError(
      caller.groups.create(groupInput({ monitorStaffId: world.users.counselorB.id })),
      'monitorStaffId',
      'Choose a monitor who works at this facility.',
    );
    await caller.groups.create(groupInput({ name: 'Big Book Study' }));
    await expectFieldError(
      caller.groups.create(groupInput({ name: 'big book study' })),
      'name',
      'Another group at this facility already has that name.',
    );
  });

  it('moves future sessions to a new schedule when the group is edited', async () => {
    const { caller } = await counselor();
    const input = groupInput({ name: 'Movable', scheduleDays: [1] });
    const { groupId } = await caller.groups.create(input);
    const { firstSessionDate: _first, ...rest } = input;
    await caller.groups.update({ ...rest, groupId, scheduleDays: [4], startTime: '10:00' });
    const { sessions, group } = await caller.groups.get({ groupId });
    expect(group.schedule).toBe('Thu 10:00 · 60 min');
    // Thursdays 26 Nov … 17 Dec at 10:00 Denver (17:00 UTC); no Mondays left.
    expect(sessions.map((s) => s.startsAt)).toEqual([
      '2026-11-26T17:00:00.000Z',
      '2026-12-03T17:00:00.000Z',
      '2026-12-10T17:00:00.000Z',
      '2026-12-17T17:00:00.000Z',
    ]);
  });

  it('keeps family-system groups for adults', async () => {
    const { caller } = await counselor();
    const { groupId } = await caller.groups.create(
      groupInput({ kind: 'spousal', audiences: ['family'], minAge: 16 }),
    );
    expect((await caller.groups.get({ groupId })).group.minAge).toBe(18);
  });

  it('is for admins and counselors to change; monitors see it; others are refused', async () => {
    const monitor = await signedIn(t.db, 'monitor@a.test', clock);
    expect(Array.isArray(await monitor.caller.groups.list())).toBe(true);
    await expect(monitor.caller.groups.create(groupInput())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const coordinator = await signedIn(t.db, 'coordinator@a.test', clock);
    await expect(coordinator.caller.groups.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('hides another facility’s groups', async () => {
    const { caller } = await counselor();
    const { groupId } = await caller.groups.create(groupInput());
    const other = await signedIn(t.db, 'counselor@b.test', clock);
    await expect(other.caller.groups.get({ groupId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.caller.groups.list()).map((g) => g.id)).not.toContain(groupId);
  });
});

describe('the roster', () => {
  async function addClients(n: number) {
    const rows = await t.db
      .insertInto('clients')
      .values(
        Array.from({ length: n }, (_, i) => ({
          facilityId: world.facilityA,
          recordNumber: `R-${Math.random().toString(36).slice(2, 9)}-${i}`,
          firstName: `Person${i}`,
          lastName: 'Rosterly',
          admissionDate: '2026-11-01',
          status: 'in_treatment' as const,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  it('enrols, refuses overlapping dates and a full group, and ends an enrolment', async () => {
    const { caller } = await counselor();
    const { groupId } = await caller.groups.create(groupInput({ capacity: 2 }));
    const [a, b, c] = await addClients(3);
    const { enrolmentId } = await caller.groups.enrol({
      groupId,
      person: { clientId: a as string },
      startDate: '2026-11-23',
      endDate: null,
      overrideReason: null,
    });
    await expectFieldError(
      caller.groups.enrol({
        groupId,
        person: { clientId: a as string },
        startDate: '2026-12-01',
        endDate: null,
        overrideReason: null,
      }),
      'startDate',
      /already on this group’s roster/,
    );
    await caller.groups.enrol({
      groupId,
      person: { clientId: b as string },
      startDate: '2026-11-23',
      endDate: null,
      overrideReason: null,
    });
    await expectFieldError(
      caller.groups.enrol({
        groupId,
        person: { clientId: c as string },
        startDate: '2026-11-30',
        endDate: null,
        overrideReason: null,
      }),
      'person',
      'This group is full: it holds 2 and that many are enrolled for those dates.',
    );
    // Once someone leaves, there is room from the day after.
    await caller.groups.endEnrolment({
      enrolmentId,
      endDate: '2026-11-29',
      reason: 'Moved to evening group',
    });
    await caller.groups.enrol({
      groupId,
      person: { clientId: c as string },
      startDate: '2026-11-30',
      endDate: null,
      overrideReason: null,
    });
    const { roster } = await caller.groups.get({ groupId });
    expect(roster).toHaveLength(3);
    expect(roster.every((r) => /^Person\d R\.$/.test(r.name))).toBe(true);
  });

  it('refuses a closed group mid-cycle unless a reason is given', async () => {
    const { caller } = await counselor();
    const { groupId } = await caller.groups.create(groupInput({ enrolment: 'closed' }));
    const [a, b] = await addClients(2);
    await caller.groups.enrol({
      groupId,
      person: { clientId: a as string },
      startDate: '2026-11-23',
      endDate: null,
      overrideReason: null,
    });
    await expectFieldError(
      caller.groups.enrol({
        groupId,
        person: { clientId: b as string },
        startDate: '2026-12-02',
        endDate: null,
        overrideReason: null,
      }),
      'overrideReason',
      /closed and its cycle has begun/,
    );
    await caller.groups.enrol({
      groupId,
      person: { clientId: b as string },
      startDate: '2026-12-02',
      endDate: null,
      overrideReason: 'Transferred from the Lakeside cycle',
    });
    const { roster } = await caller.groups.get({ groupId });
    expect(roster.find((r) => r.overrideReason)?.overrideReason).toBe(
      'Transferred from the Lakeside cycle',
    );
  });

  it('refuses a person from another facility, and people the group is not for', async () => {
    const { caller } = await counselor();
    const { groupId } = await caller.groups.create(groupInput());
    await expect(
      caller.groups.enrol({
        groupId,
        person: { clientId: world.clientB },
        startDate: '2026-11-23',
        endDate: null,
        overrideReason: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const relative = await t.db
      .insertInto('familyMembers')
      .values({
        facilityId: world.facilityA,
        clientId: world.clientA,
        firstName: 'Young',
        lastName: 'Relative',
        relationship: 'sibling',
        dateOfBirth: '2010-05-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expectFieldError(
      caller.groups.enrol({
        groupId,
        person: { familyMemberId: relative.id },
        startDate: '2026-11-23',
        endDate: null,
        overrideReason: null,
      }),
      'person',
      'This group is not for family members.',
    );
    const family = await caller.groups.create(
      groupInput({ kind: 'family', audiences: ['family'] }),
    );
    await expectFieldError(
      caller.groups.enrol({
        groupId: family.groupId,
        person: { familyMemberId: relative.id },
        startDate: '2026-11-23',
        endDate: null,
        overrideReason: null,
      }),
      'person',
      'This group is for people aged 18 and over.',
    );
  });

  it('never takes the last place twice when two enrol at once', async () => {
    const { caller } = await counselor();
    const { groupId } = await caller.groups.create(groupInput({ capacity: 1 }));
    const [a, b] = await addClients(2);
    const results = await Promise.allSettled(
      [a, b].map((id) =>
        caller.groups.enrol({
          groupId,
          person: { clientId: id as string },
          startDate: '2026-11-23',
          endDate: null,
          overrideReason: null,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await caller.groups.get({ groupId })).roster).toHaveLength(1);
  });
});
