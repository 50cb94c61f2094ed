import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  createTestWorld,
  expectFieldError,
  MemoryCookie,
  signedIn,
  TEST_PASSWORD,
  TestClock,
} from '../testing';
import { CHALLENGE_GONE, WRONG_CODE } from './sign-in';
import { totpCodeAt } from './totp';
import { TWO_FACTOR_SETUP_REQUIRED } from './two-factor-gate';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

/** A staff member of their own, so each test's sign-ins and lock-outs stay apart. */
async function newStaff(email: string, role: 'admin' | 'counselor' = 'counselor') {
  const source = await t.db
    .selectFrom('staffUsers')
    .select(['organizationId', 'passwordHash'])
    .where('id', '=', world.users.counselor.id)
    .executeTakeFirstOrThrow();
  const user = await t.db
    .insertInto('staffUsers')
    .values({ ...source, email, displayName: 'Sam Okafor' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('staffRoles')
    .values({ staffUserId: user.id, facilityId: world.facilityA, role })
    .execute();
  return user.id;
}

async function auditChanges(userId: string) {
  const rows = await t.db
    .selectFrom('auditEvents')
    .select('detail')
    .where('entityType', '=', 'staff_user')
    .where('entityId', '=', userId)
    .where('action', '=', 'update')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.detail.change);
}

/** Turns two-step sign-in on for a signed-in browser and returns the secret. */
async function enrol(caller: Awaited<ReturnType<typeof signedIn>>['caller'], clock: TestClock) {
  const { secret, uri, qrSvg } = await caller.auth.startTwoFactor();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Homegroup:/);
  expect(qrSvg).toMatch(/^<svg/);
  await caller.auth.confirmTwoFactor({ code: totpCodeAt(secret, clock.current) });
  return secret;
}

describe('changing a password', () => {
  it('refuses a short, common or personal password in words, and a wrong current one', async () => {
    const id = await newStaff('pw1@a.test');
    const { caller } = await signedIn(t.db, 'pw1@a.test');
    await expectFieldError(
      caller.auth.changePassword({
        currentPassword: 'not it',
        newPassword: 'lantern orchard velvet',
      }),
      'currentPassword',
      'That is not your current password.',
    );
    await expectFieldError(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'short one' }),
      'newPassword',
      /at least 12 characters/,
    );
    await expectFieldError(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'Password1234!' }),
      'newPassword',
      /commonly used passwords/,
    );
    await expectFieldError(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'SamOkafor2026' }),
      'newPassword',
      /your name or e-mail/,
    );
    await expectFieldError(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
      'newPassword',
      'That is your current password. Choose a new one.',
    );
    // Nothing changed: the old password still signs in.
    await signedIn(t.db, 'pw1@a.test');
    expect(await auditChanges(id)).toEqual([]);
  });

  it('takes a good one, ends the other sessions and keeps this one', async () => {
    const id = await newStaff('pw2@a.test');
    const here = await signedIn(t.db, 'pw2@a.test');
    const elsewhere = await signedIn(t.db, 'pw2@a.test');
    expect(
      await here.caller.auth.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: 'lantern orchard velvet',
      }),
    ).toEqual({ otherSessionsEnded: 1 });
    await expect(elsewhere.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await here.caller.auth.me()).email).toBe('pw2@a.test');
    await expect(
      browser(t.db).caller.auth.signIn({ email: 'pw2@a.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await browser(t.db).caller.auth.signIn({
      email: 'pw2@a.test',
      password: 'lantern orchard velvet',
    });
    expect(await auditChanges(id)).toEqual(['password_changed']);
  });
});

describe('two-step sign-in', () => {
  it('asks for a code after the password, and signs in only with a right one, once', async () => {
    const id = await newStaff('totp1@a.test');
    const clock = new TestClock();
    const { caller } = await signedIn(t.db, 'totp1@a.test', clock);
    const secret = await enrol(caller, clock);
    expect(await caller.auth.twoFactorStatus()).toMatchObject({ enabled: true, required: false });

    clock.advanceMinutes(1);
    const b = browser(t.db, clock);
    const step1 = await b.caller.auth.signIn({ email: 'totp1@a.test', password: TEST_PASSWORD });
    expect(step1.status).toBe('code_needed');
    if (step1.status !== 'code_needed') throw new Error('no challenge');
    // The password alone opens nothing.
    expect(b.cookie.token).toBeNull();
    await expect(b.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    await expect(
      b.caller.auth.signInCode({ challenge: step1.challenge, code: '000000' }),
    ).rejects.toMatchObject({ message: WRONG_CODE });
    const code = totpCodeAt(secret, clock.current);
    expect(
      await b.caller.auth.signInCode({
        challenge: step1.challenge,
        code: ` ${code.slice(0, 3)} ${code.slice(3)}`,
      }),
    ).toMatchObject({ status: 'signed_in' });
    expect((await b.caller.auth.me()).email).toBe('totp1@a.test');

    // The challenge is spent, and the same code cannot open a second session.
    await expect(
      browser(t.db, clock).caller.auth.signInCode({ challenge: step1.challenge, code }),
    ).rejects.toMatchObject({ message: CHALLENGE_GONE });
    const again = await browser(t.db, clock).caller.auth.signIn({
      email: 'totp1@a.test',
      password: TEST_PASSWORD,
    });
    if (again.status !== 'code_needed') throw new Error('no challenge');
    await expect(
      browser(t.db, clock).caller.auth.signInCode({ challenge: again.challenge, code }),
    ).rejects.toMatchObject({ message: WRONG_CODE });

    const signIns = await t.db
      .selectFrom('auditEvents')
      .select(['outcome', 'detail'])
      .where('action', '=', 'sign_in')
      .where('actorStaffUserId', '=', id)
      .orderBy('id')
      .execute();
    expect(signIns.map((e) => [e.outcome, e.detail.reason ?? e.detail.twoFactor])).toEqual([
      ['success', false],
      ['failure', 'wrong_code'],
      ['success', true],
      ['failure', 'wrong_code'],
    ]);
  });

  it('expires the code step after five minutes', async () => {
    await newStaff('totp2@a.test');
    const clock = new TestClock();
    const secret = await enrol((await signedIn(t.db, 'totp2@a.test', clock)).caller, clock);
    clock.advanceMinutes(1);
    const b = browser(t.db, clock);
    const step1 = await b.caller.auth.signIn({ email: 'totp2@a.test', password: TEST_PASSWORD });
    if (step1.status !== 'code_needed') throw new Error('no challenge');
    clock.advanceMinutes(6);
    await expect(
      b.caller.auth.signInCode({
        challenge: step1.challenge,
        code: totpCodeAt(secret, clock.current),
      }),
    ).rejects.toMatchObject({ message: CHALLENGE_GONE });
  });

  it('locks the account after five wrong codes, as after five wrong passwords', async () => {
    await newStaff('totp3@a.test');
    const clock = new TestClock();
    const secret = await enrol((await signedIn(t.db, 'totp3@a.test', clock)).caller, clock);
    clock.advanceMinutes(1);
    const b = browser(t.db, clock);
    const step1 = await b.caller.auth.signIn({ email: 'totp3@a.test', password: TEST_PASSWORD });
    if (step1.status !== 'code_needed') throw new Error('no challenge');
    for (let i = 0; i < 4; i++) {
      await expect(
        b.caller.auth.signInCode({ challenge: step1.challenge, code: '111111' }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(
      b.caller.auth.signInCode({ challenge: step1.challenge, code: '111111' }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: /locked/ });
    await expect(
      b.caller.auth.signIn({ email: 'totp3@a.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(secret).toHaveLength(32);
  });

  it('refuses a wrong confirmation code and keeps two-step sign-in off', async () => {
    await newStaff('totp4@a.test');
    const { caller } = await signedIn(t.db, 'totp4@a.test');
    await caller.auth.startTwoFactor();
    await expectFieldError(caller.auth.confirmTwoFactor({ code: '12345' }), 'code', /6 digits/);
    await expectFieldError(
      caller.auth.confirmTwoFactor({ code: '123456' }),
      'code',
      /does not match/,
    );
    expect((await caller.auth.twoFactorStatus()).enabled).toBe(false);
    // Still signs in with the password alone.
    expect(
      (await browser(t.db).caller.auth.signIn({ email: 'totp4@a.test', password: TEST_PASSWORD }))
        .status,
    ).toBe('signed_in');
  });

  it('turns off with the password, not without it', async () => {
    const id = await newStaff('totp5@a.test');
    const clock = new TestClock();
    const { caller } = await signedIn(t.db, 'totp5@a.test', clock);
    await enrol(caller, clock);
    await expectFieldError(
      caller.auth.turnOffTwoFactor({ currentPassword: 'wrong' }),
      'currentPassword',
      'That is not your current password.',
    );
    await caller.auth.turnOffTwoFactor({ currentPassword: TEST_PASSWORD });
    expect((await caller.auth.twoFactorStatus()).enabled).toBe(false);
    expect(await auditChanges(id)).toEqual(['two_factor_on', 'two_factor_off']);
  });
});

describe('requiring two-step sign-in of admins', () => {
  it('holds an admin without it at their account until they set it up; others go on', async () => {
    const clock = new TestClock();
    const director = await newStaff('director1@a.test', 'admin');
    const { caller: setter } = await signedIn(t.db, 'director1@a.test', clock);
    await expect(
      setter.facility.updateSecuritySettings({ requireAdminTwoFactor: true }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: /your own account first/ });
    await enrol(setter, clock);
    await setter.facility.updateSecuritySettings({ requireAdminTwoFactor: true });
    expect(await setter.facility.securitySettings()).toEqual({ requireAdminTwoFactor: true });

    await newStaff('director2@a.test', 'admin');
    const { caller: other } = await signedIn(t.db, 'director2@a.test', clock);
    await expect(other.clients.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: TWO_FACTOR_SETUP_REQUIRED,
    });
    expect(await other.auth.twoFactorStatus()).toMatchObject({ enabled: false, required: true });
    clock.advanceMinutes(1);
    const secret = await enrol(other, clock);
    expect((await other.clients.list({})).rowCount).toBeGreaterThan(0);
    // Now it cannot be turned off while the rule stands.
    await expect(
      other.auth.turnOffTwoFactor({ currentPassword: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(secret).toBeTruthy();

    // A counselor is not held.
    const { caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock);
    expect((await counselor.clients.list({})).rowCount).toBeGreaterThan(0);

    // The setting change is on the record, before and after.
    const change = await t.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('entityType', '=', 'facility_settings')
      .where('actorStaffUserId', '=', director)
      .executeTakeFirstOrThrow();
    expect(change.detail).toMatchObject({ after: { requireAdminTwoFactor: true } });
    await setter.facility.updateSecuritySettings({ requireAdminTwoFactor: false });
  });
});

describe('own sessions', () => {
  it('lists them, ends one, and ends all the others', async () => {
    await newStaff('sessions@a.test');
    const clock = new TestClock();
    const here = await signedIn(t.db, 'sessions@a.test', clock);
    const second = await signedIn(t.db, 'sessions@a.test', clock);
    const third = await signedIn(t.db, 'sessions@a.test', clock);
    const list = await here.caller.auth.mySessions();
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const current = list.find((s) => s.current);
    await expect(
      here.caller.auth.endSession({ sessionId: current?.id ?? '' }),
    ).rejects.toMatchObject({ message: /Use Sign out/ });

    const secondId = (await second.caller.auth.mySessions()).find((s) => s.current)?.id ?? '';
    await here.caller.auth.endSession({ sessionId: secondId });
    await expect(second.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(here.caller.auth.endSession({ sessionId: secondId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await here.caller.auth.endOtherSessions()).toEqual({ ended: 1 });
    await expect(third.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await here.caller.auth.mySessions()).toHaveLength(1);
  });

  it("cannot end someone else's session", async () => {
    const mine = await signedIn(t.db, 'monitor@a.test');
    const theirs = await signedIn(t.db, 'coordinator@a.test');
    const theirId = (await theirs.caller.auth.mySessions()).find((s) => s.current)?.id ?? '';
    await expect(mine.caller.auth.endSession({ sessionId: theirId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await theirs.caller.auth.me()).email).toBe('coordinator@a.test');
  });
});

describe('the per-address sign-in limit', () => {
  it('locks out an address that fails on many accounts, but not other addresses', async () => {
    const clock = new TestClock(new Date('2026-11-21T20:00:00Z'));
    const from = (ip: string) =>
      browser(t.db, clock, new MemoryCookie(), { ip, userAgent: 'vitest' }).caller;
    const attacker = from('203.0.113.9');
    // 30 failures spread over many accounts: no single account reaches its own lock.
    for (let i = 0; i < 30; i++) {
      await expect(
        attacker.auth.signIn({ email: `guess${i % 10}@a.test`, password: `guess-${i}` }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(
      attacker.auth.signIn({ email: 'counselor@a.test', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: /from this network/ });
    // The same account from another address is fine.
    expect(
      (
        await from('198.51.100.4').auth.signIn({
          email: 'counselor@a.test',
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe('signed_in');
    clock.advanceMinutes(16);
    expect(
      (await attacker.auth.signIn({ email: 'counselor@a.test', password: TEST_PASSWORD })).status,
    ).toBe('signed_in');
  });
});
