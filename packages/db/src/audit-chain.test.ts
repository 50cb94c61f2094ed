import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain';
import type { Db } from './create-db';
import { createTestDb, type TestDb } from './testing';

let t: TestDb | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function withEvents(count: number): Promise<Db> {
  t = await createTestDb();
  const db = t.db;
  // Written concurrently (on PostgreSQL from several connections at once): one chain all the same.
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      db
        .insertInto('auditEvents')
        .values({
          action: 'read',
          entityType: 'client',
          entityId: `client-${i}`,
          outcome: 'success',
          detail: JSON.stringify({ n: i, note: 'quote " and ünïcödé' }),
        })
        .execute(),
    ),
  );
  return db;
}

/** What an intruder with the database owner's rights would do: switch the guard off. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(db);
  await statement.execute(db);
  await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(db);
}

describe('the audit chain', () => {
  it('links every event to the one before, in one order, even when written concurrently', async () => {
    const db = await withEvents(40);
    const report = await verifyAuditChain(db, 7);
    expect(report).toMatchObject({ checked: 40, firstBroken: null });
    expect(report.lastHash).toMatch(/^[0-9a-f]{64}$/);
    const seqs = await db
      .selectFrom('auditEvents')
      .select('chainSeq')
      .orderBy('chainSeq')
      .execute();
    expect(seqs.map((r) => Number(r.chainSeq))).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('reports the first event whose fields were changed', async () => {
    const db = await withEvents(12);
    await tamper(db, sql`update audit_events set outcome = 'failure' where chain_seq = 5`);
    await tamper(db, sql`update audit_events set entity_id = 'someone-else' where chain_seq = 9`);
    expect((await verifyAuditChain(db, 4)).firstBroken).toMatchObject({
      chainSeq: '5',
      reason: 'altered',
      message: expect.stringContaining('was changed after it was written'),
    });
  });

  it('reports the next event when a changed event was given a fresh hash', async () => {
    const db = await withEvents(12);
    await tamper(
      db,
      sql`update audit_events e set detail = '{"n": 99}'::jsonb where chain_seq = 6`,
    );
    await tamper(db, sql`update audit_events e set hash = audit_event_hash(e) where chain_seq = 6`);
    expect((await verifyAuditChain(db)).firstBroken).toMatchObject({
      chainSeq: '7',
      reason: 'unlinked',
    });
  });

  it('reports a removed event', async () => {
    const db = await withEvents(12);
    await tamper(db, sql`delete from audit_events where chain_seq = 3`);
    const report = await verifyAuditChain(db);
    expect(report.checked).toBe(2);
    expect(report.firstBroken).toMatchObject({
      chainSeq: '3',
      id: null,
      reason: 'missing',
      message: expect.stringContaining('Event 3 of the chain is missing'),
    });
  });

  it('refuses to let anyone set the chain fields by hand', async () => {
    t = await createTestDb();
    await t.db
      .insertInto('auditEvents')
      .values({ action: 'read', entityType: 'client', outcome: 'success', hash: 'f'.repeat(64) })
      .execute();
    expect((await verifyAuditChain(t.db)).firstBroken).toBeNull();
  });
});
