import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context';
import { createTestWorld, type MemoryCookie, signedIn, TestClock, testSettings } from '../testing';
import { auditCsvDownload } from './audit-log';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
const clock = new TestClock(new Date('2026-11-21T17:00:00Z'));
type Signed = Awaited<ReturnType<typeof signedIn>>;
let admin: Signed;
let counselor: Signed;

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  counselor = await signedIn(t.db, 'counselor@a.test', clock);
  await counselor.caller.clients.get({ clientId: world.clientA });
  clock.advanceMinutes(24 * 60);
  counselor = await signedIn(t.db, 'counselor@a.test', clock);
  admin = await signedIn(t.db, 'admin@a.test', clock);
  await counselor.caller.clients.page({ clientId: world.clientA });
  await admin.caller.facility.updateSettings({
    monitorsLogAnySession: true,
    overdueAfterHours: 24,
    sessionWindowWeeks: 4,
  });
  // Facility B's events never show at A.
  await (await signedIn(t.db, 'counselor@b.test', clock)).caller.clients.get({
    clientId: world.clientB,
  });
});
afterAll(async () => {
  await t.close();
});

describe('the admin audit viewer', () => {
  it('filters by client, staff member, action and facility-local day', async () => {
    const byClient = await admin.caller.audit.events({
      filter: { clientId: world.clientA, staffUserId: world.users.counselor.id },
    });
    expect(byClient.rows.map((r) => r.entityType)).toEqual(['client_page', 'client']);
    expect(byClient.rows[0]).toMatchObject({
      staffName: 'counselor',
      action: 'read',
      outcome: 'success',
      client: { name: 'Alpha Testperson', recordNumber: 'A-1' },
    });
    const reads = await admin.caller.audit.events({
      filter: { staffUserId: world.users.counselor.id, action: 'read' },
    });
    expect(reads.rowCount).toBe(2);
    // Days are the facility's (Denver): 06:59 UTC on the 21st is still the 20th there.
    const clientId = world.clientB;
    const at = (iso: string, entityType: string) =>
      t.db
        .insertInto('auditEvents')
        .values({
          occurredAt: new Date(iso),
          action: 'read',
          entityType,
          clientId,
          facilityId: world.facilityA,
          outcome: 'success',
          detail: '{}',
        })
        .execute();
    await at('2026-11-21T06:59:59Z', 'late_on_the_20th');
    await at('2026-11-21T07:00:00Z', 'first_of_the_21st');
    await at('2026-11-22T06:59:59Z', 'last_of_the_21st');
    await at('2026-11-22T07:00:00Z', 'first_of_the_22nd');
    const day = await admin.caller.audit.events({
      filter: { clientId, from: '2026-11-21', to: '2026-11-21' },
    });
    expect(day.rows.map((r) => r.entityType)).toEqual(['last_of_the_21st', 'first_of_the_21st']);
    const from22 = await admin.caller.audit.events({ filter: { clientId, from: '2026-11-22' } });
    expect(from22.rows.map((r) => r.entityType)).toEqual(['first_of_the_22nd']);
    const settings = await admin.caller.audit.events({
      filter: { staffUserId: world.users.admin.id, action: 'update' },
    });
    expect(settings.rows.map((r) => r.entityType)).toContain('facility_settings');
    const all = await admin.caller.audit.events({ filter: {}, pageSize: 100 });
    expect(all.rows.every((r) => r.client?.recordNumber !== 'B-1')).toBe(true);
  });

  it('refuses a backwards date range in words, and other roles altogether', async () => {
    await expect(
      admin.caller.audit.events({ filter: { from: '2026-11-22', to: '2026-11-21' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(counselor.caller.audit.events({ filter: {} })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('puts looking at the trail on the trail', async () => {
    const before = await admin.caller.audit.events({
      filter: { staffUserId: world.users.admin.id, action: 'read' },
      pageSize: 1,
    });
    const top = before.rows[0];
    expect(top?.entityType).toBe('audit_log');
  });

  it('downloads the filtered trail as CSV, itself audited as an export', async () => {
    const ctx = createContextInner({
      db: t.db,
      settings: testSettings,
      cookie: admin.cookie as MemoryCookie,
      request: { ip: '127.0.0.1' },
      now: clock.now,
    });
    const csv = await auditCsvDownload(ctx, {
      clientId: world.clientA,
      staffUserId: world.users.counselor.id,
      action: 'read',
    });
    const lines = csv.chunks.join('').split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('"Staff member"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Alpha Testperson"');
    expect(lines[1]).toMatch(
      /^"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}","counselor","read","client_page"/,
    );
    await expect(auditCsvDownload(ctx, { from: 'yesterday' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    const exported = await t.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'export')
      .where('entityType', '=', 'audit_log')
      .execute();
    expect(exported).toHaveLength(1);
  });

  it('gives a per-client accounting of disclosures', async () => {
    const accounting = await admin.caller.audit.disclosureAccounting({ clientId: world.clientA });
    expect(accounting.client.recordNumber).toBe('A-1');
    expect(accounting.disclosures).toEqual([]);
    await expect(
      admin.caller.audit.disclosureAccounting({ clientId: world.clientB }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
