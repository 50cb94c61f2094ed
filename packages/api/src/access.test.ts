import { ROLES, type Role } from '@homegroup/core';
import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, HTTP_ACCESS, ROLE_REFUSAL, rolesFor } from './access';
import { requireAccess } from './auth/require-access';
import { createContextInner } from './context';
import { allProcedures, callPath } from './fuzz/procedures';
import { browser, createTestWorld, signedIn, testSettings } from './testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

const STAFF = {
  admin: 'admin@a.test',
  counselor: 'counselor@a.test',
  group_monitor: 'monitor@a.test',
  alumni_coordinator: 'coordinator@a.test',
} as const satisfies Record<Role, string>;

describe('the access table', () => {
  it('has exactly one row for each procedure of the router, and the procedure carries it', () => {
    expect(allProcedures.length).toBeGreaterThan(60);
    const paths = allProcedures.map(([path]) => path).sort();
    expect(paths).toEqual(Object.keys(ACCESS).sort());
    for (const [path, p] of allProcedures) {
      expect(p._def.meta?.access, path).toEqual(ACCESS[path as keyof typeof ACCESS]);
    }
  });

  it('is what every procedure does: each role is let through or refused as its row says', async () => {
    const callers = Object.fromEntries(
      await Promise.all(
        Object.entries(STAFF).map(async ([role, email]) => [
          role,
          (await signedIn(t.db, email)).caller,
        ]),
      ),
    ) as Record<Role, object>;
    const mismatches: string[] = [];
    let calls = 0;
    for (const [path] of allProcedures) {
      const roles = rolesFor(path as keyof typeof ACCESS);
      if (!roles) continue;
      for (const role of ROLES) {
        // An empty input: an allowed role gets as far as the input check (or an answer); a
        // refused one is stopped before the input is read.
        const outcome = await callPath(callers[role], path, {}).then(
          () => 'allowed',
          (e: { code?: string; message?: string }) =>
            e.code === 'FORBIDDEN' && e.message === ROLE_REFUSAL ? 'refused' : 'allowed',
        );
        calls += 1;
        const expected = roles.includes(role) ? 'allowed' : 'refused';
        if (outcome !== expected) mismatches.push(`${path} as ${role}: ${outcome}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(250);
    // The count the security section of the README reports.
    console.info(`role checks: ${calls} calls`);
  });

  it('is what every download and upload does', async () => {
    for (const role of ROLES) {
      const { caller: _c, ...b } = await signedIn(t.db, STAFF[role]);
      const ctx = createContextInner({
        db: t.db,
        settings: testSettings,
        cookie: b.cookie,
        now: b.clock.now,
      });
      for (const path of Object.keys(HTTP_ACCESS) as (keyof typeof HTTP_ACCESS)[]) {
        const allowed = rolesFor(path)?.includes(role) ?? true;
        const result = requireAccess(ctx, path);
        if (allowed)
          await expect(result, `${path} as ${role}`).resolves.toMatchObject({ staff: { role } });
        else
          await expect(result, `${path} as ${role}`).rejects.toMatchObject({
            code: 'FORBIDDEN',
            message: ROLE_REFUSAL,
          });
      }
    }
  });

  it('refuses a caller who is not signed in, except the public ones', async () => {
    const { caller } = browser(t.db);
    for (const [path] of allProcedures) {
      const outcome = await callPath(caller, path, {}).then(
        () => 'answered',
        (e: { code?: string }) => e.code,
      );
      if ('public' in ACCESS[path as keyof typeof ACCESS]) {
        expect(outcome, path).not.toBe('UNAUTHORIZED');
      } else {
        expect(outcome, path).toBe('UNAUTHORIZED');
      }
    }
    expect(await caller.auth.signOut()).toEqual({ signedOut: false });
  });
});

describe('the role check', () => {
  it('refuses a group monitor and an alumni coordinator the clinical client list', async () => {
    for (const email of ['monitor@a.test', 'coordinator@a.test']) {
      const { caller } = await signedIn(t.db, email);
      await expect(caller.clients.list({})).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Your role does not give access to this.',
      });
      await expect(caller.clients.get({ clientId: world.clientA })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      // The aggregate home page is for everyone.
      expect((await caller.facility.overview()).inTreatment).toBe(1);
    }
  });

  it('lets a counselor read their facility’s clients, and audits each read', async () => {
    const { caller } = await signedIn(t.db, 'counselor@a.test');
    const before = await t.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const page = await caller.clients.list({});
    expect(page.rowCount).toBe(1);
    expect(page.rows[0]?.id).toBe(world.clientA);
    const client = await caller.clients.get({ clientId: world.clientA });
    expect(client.firstName).toBe('Alpha');
    const reads = await t.db
      .selectFrom('auditEvents')
      .select(['entityType', 'clientId', 'outcome'])
      .where('action', '=', 'read')
      .where('actorStaffUserId', '=', world.users.counselor.id)
      .where('id', '>', before.id ?? '0')
      .orderBy('id')
      .execute();
    expect(reads).toEqual([
      { entityType: 'client_list', clientId: null, outcome: 'success' },
      { entityType: 'client', clientId: world.clientA, outcome: 'success' },
    ]);
  });
});

describe('the facility check', () => {
  it('hides a client of another facility as if it did not exist', async () => {
    const { caller } = await signedIn(t.db, 'counselor@a.test');
    const other = caller.clients.get({ clientId: world.clientB });
    const missing = caller.clients.get({ clientId: '00000000-0000-4000-8000-000000000000' });
    const [a, b] = await Promise.allSettled([other, missing]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    const reasonA = (a as PromiseRejectedResult).reason;
    const reasonB = (b as PromiseRejectedResult).reason;
    expect(reasonA.code).toBe('NOT_FOUND');
    expect(reasonA.message).toBe(reasonB.message);
    expect((await caller.clients.list({ search: 'Bravo' })).rowCount).toBe(0);
  });

  it('refuses a switch to a facility the staff member does not work at', async () => {
    const { caller } = await signedIn(t.db, 'counselor@a.test');
    await expect(caller.auth.switchFacility({ facilityId: world.facilityB })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
        message: 'You do not work at that facility.',
      },
    );
    expect((await caller.auth.me()).facility.id).toBe(world.facilityA);
  });

  it('takes the role of the facility switched to', async () => {
    const { caller } = await signedIn(t.db, 'admin@a.test');
    const me = await caller.auth.me();
    expect(me.role).toBe('admin');
    expect(me.facilities.map((f) => f.name)).toEqual(['A Facility', 'B Facility']);
    await caller.auth.switchFacility({ facilityId: world.facilityB });
    const after = await caller.auth.me();
    expect(after).toMatchObject({ role: 'counselor', facility: { id: world.facilityB } });
    const page = await caller.clients.list({});
    expect(page.rows.map((r) => r.id)).toEqual([world.clientB]);
  });
});
