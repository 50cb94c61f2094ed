import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createTestWorld, expectFieldError, signedIn, TEST_PASSWORD } from '../testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
let admin: Awaited<ReturnType<typeof signedIn>>['caller'];
beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  admin = (await signedIn(t.db, 'admin@a.test')).caller;
});
afterAll(async () => {
  await t.close();
});

function staffAudit(entityId: string) {
  return t.db
    .selectFrom('auditEvents')
    .select(['action', 'entityType', 'detail', 'actorStaffUserId'])
    .where('entityId', '=', entityId)
    .where('entityType', 'in', ['staff_user', 'staff_role'])
    .where('action', 'in', ['create', 'update'])
    .orderBy('id')
    .execute();
}

describe('staff administration', () => {
  it('lists the facility staff with role, account state and two-step sign-in', async () => {
    const list = await admin.staff.list();
    expect(list.map((s) => s.email)).toEqual(
      expect.arrayContaining(['admin@a.test', 'counselor@a.test', 'monitor@a.test']),
    );
    // Facility B's own staff are not listed at A.
    expect(list.map((s) => s.email)).not.toContain('counselor@b.test');
    expect(list.find((s) => s.email === 'admin@a.test')).toMatchObject({ you: true, active: true });
  });

  it('adds a staff member whose temporary password meets the policy', async () => {
    await expectFieldError(
      admin.staff.create({
        displayName: 'Rae Lindqvist',
        email: 'rae@a.test',
        role: 'counselor',
        temporaryPassword: 'password123',
      }),
      'temporaryPassword',
      /at least 12/,
    );
    await expectFieldError(
      admin.staff.create({
        displayName: 'Someone',
        email: 'counselor@a.test',
        role: 'counselor',
        temporaryPassword: 'lantern orchard velvet',
      }),
      'email',
      'An account with that e-mail address already exists.',
    );
    const { id } = await admin.staff.create({
      displayName: 'Rae Lindqvist',
      email: ' Rae@A.test ',
      role: 'group_monitor',
      temporaryPassword: 'lantern orchard velvet',
    });
    const rae = browser(t.db);
    await rae.caller.auth.signIn({ email: 'rae@a.test', password: 'lantern orchard velvet' });
    expect((await rae.caller.auth.me()).role).toBe('group_monitor');
    expect((await staffAudit(id)).map((e) => [e.action, e.entityType])).toEqual([
      ['create', 'staff_user'],
    ]);
  });

  it('changes a role at once, audited before and after', async () => {
    const monitor = await signedIn(t.db, 'monitor@a.test');
    await expect(monitor.caller.clients.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await admin.staff.setRole({ staffUserId: world.users.monitor.id, role: 'counselor' });
    // The open session gets the new role at its next request.
    expect((await monitor.caller.clients.list({})).rowCount).toBe(1);
    await admin.staff.setRole({ staffUserId: world.users.monitor.id, role: 'group_monitor' });
    const events = await staffAudit(world.users.monitor.id);
    expect(events.map((e) => e.detail)).toEqual([
      { before: 'group_monitor', after: 'counselor' },
      { before: 'counselor', after: 'group_monitor' },
    ]);
  });

  it('disables an account, which ends all its sessions at once, here and elsewhere', async () => {
    // The admin works at A (admin) and B (counselor); counselor@a.test only at A.
    const first = await signedIn(t.db, 'counselor@a.test');
    const second = await signedIn(t.db, 'counselor@a.test');
    expect(
      await admin.staff.setActive({ staffUserId: world.users.counselor.id, active: false }),
    ).toEqual({ changed: true, sessionsEnded: 2 });
    for (const b of [first, second]) {
      await expect(b.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(
      browser(t.db).caller.auth.signIn({ email: 'counselor@a.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await admin.staff.setActive({ staffUserId: world.users.counselor.id, active: true });
    await signedIn(t.db, 'counselor@a.test');
    expect((await staffAudit(world.users.counselor.id)).map((e) => e.detail.change)).toEqual([
      'account_disabled',
      'account_enabled',
    ]);
  });

  it('refuses changes to oneself and to staff of other facilities', async () => {
    await expect(
      admin.staff.setActive({ staffUserId: world.users.admin.id, active: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: /your own account/ });
    await expect(
      admin.staff.setRole({ staffUserId: world.users.admin.id, role: 'counselor' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      admin.staff.setActive({ staffUserId: world.users.counselorB.id, active: false }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No staff member with that link works at this facility.',
    });
    const counselorB = await signedIn(t.db, 'counselor@b.test');
    expect((await counselorB.caller.auth.me()).email).toBe('counselor@b.test');
  });

  it('resets two-step sign-in for a lost phone', async () => {
    await t.db
      .updateTable('staffUsers')
      .set({ totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() })
      .where('id', '=', world.users.monitor.id)
      .execute();
    await admin.staff.resetTwoFactor({ staffUserId: world.users.monitor.id });
    expect(
      (await browser(t.db).caller.auth.signIn({ email: 'monitor@a.test', password: TEST_PASSWORD }))
        .status,
    ).toBe('signed_in');
    await expect(
      admin.staff.resetTwoFactor({ staffUserId: world.users.monitor.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
