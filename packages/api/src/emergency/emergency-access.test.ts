import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, expectFieldError, signedIn, TestClock } from '../testing';
import { EMERGENCY_ACCESS_MINUTES, NO_EMERGENCY_ACCESS } from './emergency-access';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
const clock = new TestClock();
type Caller = Awaited<ReturnType<typeof signedIn>>['caller'];
let monitor: Caller;
let admin: Caller;
const REASON = 'Alpha collapsed in group; paramedics ask for allergies and emergency contact.';

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  monitor = (await signedIn(t.db, 'monitor@a.test', clock)).caller;
  admin = (await signedIn(t.db, 'admin@a.test', clock)).caller;
});
afterAll(async () => {
  await t.close();
});

describe('emergency access (break the glass)', () => {
  it('opens nothing without a grant, and wants a real reason', async () => {
    await expect(monitor.clients.page({ clientId: world.clientA })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(monitor.emergency.record({ clientId: world.clientA })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: NO_EMERGENCY_ACCESS,
    });
    await expectFieldError(
      monitor.emergency.open({ clientId: world.clientA, reason: 'urgent' }),
      'reason',
      /at least 20 characters/,
    );
    expect(await t.db.selectFrom('emergencyAccessGrants').selectAll().execute()).toEqual([]);
  });

  it('finds a client by name, opens the record with a reason, for an hour, on the record', async () => {
    const found = await monitor.emergency.findClient({ query: 'alpha' });
    expect(found.map((c) => c.recordNumber)).toEqual(['A-1']);
    // Another facility's client is not found.
    expect(await monitor.emergency.findClient({ query: 'bravo' })).toEqual([]);

    const { expiresAt } = await monitor.emergency.open({ clientId: world.clientA, reason: REASON });
    expect(new Date(expiresAt).getTime() - clock.current.getTime()).toBe(
      EMERGENCY_ACCESS_MINUTES * 60_000,
    );
    const record = await monitor.emergency.record({ clientId: world.clientA });
    expect(record.page.client.recordNumber).toBe('A-1');
    expect(record.grant.reason).toBe(REASON);
    // Still only this record: the client list stays closed to the monitor.
    await expect(monitor.clients.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const reads = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType', 'detail'])
      .where('clientId', '=', world.clientA)
      .where('actorStaffUserId', '=', world.users.monitor.id)
      .orderBy('id')
      .execute();
    expect(reads.map((e) => [e.action, e.entityType])).toEqual([
      ['execute', 'emergency_access'],
      ['read', 'client_page'],
    ]);
    expect(reads[1]?.detail).toEqual({ emergencyAccessGrantId: record.grant.id });

    clock.advanceMinutes(EMERGENCY_ACCESS_MINUTES + 1);
    monitor = (await signedIn(t.db, 'monitor@a.test', clock)).caller;
    admin = (await signedIn(t.db, 'admin@a.test', clock)).caller;
    await expect(monitor.emergency.record({ clientId: world.clientA })).rejects.toMatchObject({
      message: NO_EMERGENCY_ACCESS,
    });
  });

  it("cannot reach another facility's client, and reads the same as a missing one", async () => {
    const other = monitor.emergency.open({ clientId: world.clientB, reason: REASON });
    const none = monitor.emergency.open({
      clientId: '00000000-0000-4000-8000-000000000000',
      reason: REASON,
    });
    const [a, b] = await Promise.allSettled([other, none]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    if (a.status === 'rejected' && b.status === 'rejected') {
      expect((a.reason as Error).message).toBe((b.reason as Error).message);
    }
  });

  it('is not for roles that already reach records', async () => {
    await expect(
      admin.emergency.open({ clientId: world.clientA, reason: REASON }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('queues every use for an admin to review once, with how often the record was read', async () => {
    const queue = await admin.emergency.reviewQueue();
    expect(queue).toHaveLength(1);
    const grant = queue[0];
    expect(grant).toMatchObject({ reason: REASON, reads: 1, live: false, review: null });
    await admin.emergency.review({
      grantId: grant?.id ?? '',
      outcome: 'appropriate',
      note: 'Confirmed with the paramedic report.',
    });
    await expect(
      admin.emergency.review({ grantId: grant?.id ?? '', outcome: 'not_appropriate' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await admin.emergency.reviewQueue();
    expect(after[0]?.review).toMatchObject({ outcome: 'appropriate', by: 'admin' });
    await expect(monitor.emergency.reviewQueue()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
