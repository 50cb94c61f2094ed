import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  createTestWorld,
  MemoryCookie,
  signedIn,
  TEST_PASSWORD,
  TestClock,
} from '../testing';
import { WRONG_CREDENTIALS } from './sign-in';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

function auditFor(email: string) {
  return t.db
    .selectFrom('auditEvents')
    .select(['action', 'outcome', 'detail', 'actorStaffUserId'])
    .where('action', 'in', ['sign_in', 'sign_out'])
    .where((eb) => eb(eb.ref('detail', '->>').key('email' as never), '=', email))
    .orderBy('id')
    .execute();
}

describe('sign-in', () => {
  it('opens a session, sets the cookie, shows who is signed in and audits it', async () => {
    const { caller, cookie } = browser(t.db);
    await caller.auth.signIn({ email: 'Counselor@A.test ', password: TEST_PASSWORD });
    expect(cookie.token).toMatch(/^[\w-]{43}$/);

    const me = await caller.auth.me();
    expect(me).toMatchObject({
      email: 'counselor@a.test',
      role: 'counselor',
      roleLabel: 'Counselor',
      facility: { id: world.facilityA, name: 'A Facility', timeZone: 'America/Denver' },
      idleTimeoutMinutes: 15,
    });

    const stored = await t.db
      .selectFrom('authSessions')
      .select('tokenHash')
      .where('staffUserId', '=', world.users.counselor.id)
      .execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(cookie.token);

    const events = await t.db
      .selectFrom('auditEvents')
      .select(['outcome', 'facilityId'])
      .where('action', '=', 'sign_in')
      .where('actorStaffUserId', '=', world.users.counselor.id)
      .execute();
    expect(events).toEqual([{ outcome: 'success', facilityId: world.facilityA }]);
  });

  it('gives the same answer for a wrong password and an unknown e-mail, and audits both', async () => {
    const { caller, cookie } = browser(t.db);
    await expect(
      caller.auth.signIn({ email: 'monitor@a.test', password: 'wrong password!' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS });
    await expect(
      caller.auth.signIn({ email: 'nobody@a.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS });
    expect(cookie.token).toBeNull();

    expect(await auditFor('monitor@a.test')).toEqual([
      {
        action: 'sign_in',
        outcome: 'failure',
        detail: { email: 'monitor@a.test', reason: 'wrong_password' },
        actorStaffUserId: world.users.monitor.id,
      },
    ]);
    expect(await auditFor('nobody@a.test')).toEqual([
      {
        action: 'sign_in',
        outcome: 'failure',
        detail: { email: 'nobody@a.test', reason: 'unknown_email' },
        actorStaffUserId: null,
      },
    ]);
  });

  it('locks the account for 15 minutes after 5 failures in 15 minutes, and says so', async () => {
    const clock = new TestClock(new Date('2026-11-21T10:00:00Z'));
    const { caller } = browser(t.db, clock);
    const email = 'coordinator@a.test';
    for (let i = 0; i < 4; i++) {
      await expect(caller.auth.signIn({ email, password: `wrong-${i}` })).rejects.toMatchObject({
        message: WRONG_CREDENTIALS,
      });
      clock.advanceMinutes(2);
    }
    await expect(caller.auth.signIn({ email, password: 'wrong-5' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/locked .* Try again in 15 minutes/),
    });
    clock.advanceMinutes(10);
    await expect(caller.auth.signIn({ email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/Try again in 5 minutes/),
    });
    clock.advanceMinutes(5);
    await caller.auth.signIn({ email, password: TEST_PASSWORD });
    expect((await caller.auth.me()).email).toBe(email);

    const reasons = (await auditFor(email)).map((e) => [e.outcome, e.detail.reason ?? null]);
    expect(reasons).toEqual([
      ...Array.from({ length: 5 }, () => ['failure', 'wrong_password']),
      ['failure', 'locked'],
    ]);
  });

  it('refuses a disabled account with the same message as a wrong password', async () => {
    const db = t.db;
    const user = await db
      .insertInto('staffUsers')
      .values({
        organizationId: (
          await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
        ).id,
        email: 'disabled@a.test',
        displayName: 'Disabled',
        passwordHash: (
          await db
            .selectFrom('staffUsers')
            .select('passwordHash')
            .where('id', '=', world.users.counselor.id)
            .executeTakeFirstOrThrow()
        ).passwordHash,
        isActive: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staffRoles')
      .values({ staffUserId: user.id, facilityId: world.facilityA, role: 'counselor' })
      .execute();
    const { caller } = browser(db);
    await expect(
      caller.auth.signIn({ email: 'disabled@a.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ message: WRONG_CREDENTIALS });
  });
});

describe('sessions', () => {
  it('end after 15 minutes without activity and say why', async () => {
    const clock = new TestClock();
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    clock.advanceMinutes(14);
    await caller.auth.me();
    clock.advanceMinutes(14); // activity at minute 14 renewed the deadline
    await caller.auth.me();
    clock.advanceMinutes(15);
    await expect(caller.auth.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { details: { authReason: 'idle_timeout' } },
    });
    // The session is over for good: coming back later does not revive it.
    clock.advanceMinutes(-10);
    await expect(caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('end 12 hours after sign-in however active the user is', async () => {
    const clock = new TestClock();
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    for (let i = 0; i < 12 * 6 - 1; i++) {
      clock.advanceMinutes(10);
      await caller.facility.overview();
    }
    clock.advanceMinutes(10);
    await expect(caller.facility.overview()).rejects.toMatchObject({
      cause: { details: { authReason: 'absolute_timeout' } },
    });
  });

  it('end on sign-out, which clears the cookie and is audited', async () => {
    const { caller, cookie } = await signedIn(t.db, 'admin@a.test');
    const token = cookie.token;
    expect(await caller.auth.signOut()).toEqual({ signedOut: true });
    expect(cookie.token).toBeNull();

    // Replaying the old cookie does not work.
    const replay = browser(t.db, new TestClock(), Object.assign(new MemoryCookie(), { token }));
    await expect(replay.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const outs = await t.db
      .selectFrom('auditEvents')
      .select('outcome')
      .where('action', '=', 'sign_out')
      .where('actorStaffUserId', '=', world.users.admin.id)
      .execute();
    expect(outs).toEqual([{ outcome: 'success' }]);
  });

  it('end when the account is disabled', async () => {
    const { caller } = await signedIn(t.db, 'counselor@b.test');
    await t.db
      .updateTable('staffUsers')
      .set({ isActive: false })
      .where('id', '=', world.users.counselorB.id)
      .execute();
    try {
      await expect(caller.auth.me()).rejects.toMatchObject({
        cause: { details: { authReason: 'revoked' } },
      });
    } finally {
      await t.db
        .updateTable('staffUsers')
        .set({ isActive: true })
        .where('id', '=', world.users.counselorB.id)
        .execute();
    }
  });
});
