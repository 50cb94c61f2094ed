import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain';
import { backupLines, restoreBackup, tableSummaries } from './backup';
import { seedDemo } from './seed';
import { createTestDb, type TestDb } from './testing';

const open: TestDb[] = [];
async function database() {
  const t = await createTestDb();
  open.push(t);
  return t.db;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function collect(lines: AsyncIterable<string>) {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
}
async function* from(lines: string[]) {
  yield* lines;
}

async function demoBackup() {
  const source = await database();
  await seedDemo(source, {
    hashPassword: async (p) => `plain:${p}`,
    today: '2026-11-20',
  });
  await source
    .insertInto('auditEvents')
    .values({
      action: 'read',
      entityType: 'client',
      outcome: 'success',
      detail: '{"x":"é \\"q\\""}',
    })
    .execute();
  return { source, lines: await collect(backupLines(source)) };
}

describe('backup and restore', () => {
  it('round-trips every table: the same row counts and checksums, and an unbroken audit chain', async () => {
    const { source, lines } = await demoBackup();
    const target = await database();
    const header = await restoreBackup(target, from(lines));
    const before = await tableSummaries(source);
    const after = await tableSummaries(target);
    expect(after).toEqual(before);
    expect(header.tables).toEqual(before);
    expect(before.find((t) => t.name === 'attendance_records')?.rows).toBeGreaterThan(1000);
    expect((await verifyAuditChain(target)).firstBroken).toBeNull();
    // Ids continue after the restored ones, and new events extend the restored chain.
    await target
      .insertInto('auditEvents')
      .values({ action: 'read', entityType: 'client', outcome: 'success' })
      .execute();
    expect((await verifyAuditChain(target)).firstBroken).toBeNull();
    await target
      .insertInto('signInAttempts')
      .values({ email: 'a@b.test', succeeded: false })
      .execute();
  });

  it('refuses a database that already holds records, and changes nothing there', async () => {
    const { source, lines } = await demoBackup();
    const before = await tableSummaries(source);
    await expect(restoreBackup(source, from(lines))).rejects.toThrow(
      /already holds records .* Restore into an empty database/,
    );
    expect(await tableSummaries(source)).toEqual(before);
  });

  it('refuses a cut-short or damaged file and leaves the database empty', async () => {
    const { lines } = await demoBackup();
    const cut = await database();
    await expect(restoreBackup(cut, from(lines.slice(0, -3)))).rejects.toThrow(
      /does not match the backup .* nothing was restored/,
    );
    const damaged = [...lines];
    damaged[2] = `${damaged[2]?.slice(0, 50)}\n`;
    await expect(restoreBackup(cut, from(damaged))).rejects.toThrow(/damaged/);
    await expect(restoreBackup(cut, from(['not json\n']))).rejects.toThrow(
      /not a Homegroup backup/,
    );
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from clients`.execute(cut);
    expect(rows[0]?.n).toBe(0);
  });
});
