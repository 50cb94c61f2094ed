import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './root';
import { browser, createTestWorld, signedIn } from './testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

describe('every procedure', () => {
  it('declares who may call it', () => {
    const procedures = Object.entries(appRouter._def.procedures) as unknown as [
      string,
      { _def: { meta?: { access?: unknown } } },
    ][];
    expect(procedures.length).toBeGreaterThan(0);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.access).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('refuses a caller who is not signed in, except the public ones', async () => {
    const { caller } = browser(t.db);
    await expect(caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.facility.overview()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.clients.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
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
