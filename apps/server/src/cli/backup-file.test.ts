import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableSummaries } from '@homegroup/db';
import { seedDemo } from '@homegroup/db/seed';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupToFile, restoreFromFile } from './backup-file';

let dir: string;
const open: TestDb[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'homegroup-backup-'));
});
afterAll(async () => {
  await Promise.all(open.map((t) => t.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('pnpm db:backup and db:restore', () => {
  it('round-trip the demo through a gzipped file: the same counts and checksums', async () => {
    const source = await createTestDb();
    const target = await createTestDb();
    open.push(source, target);
    await seedDemo(source.db, { hashPassword: async (p) => `plain:${p}`, today: '2026-11-20' });
    const file = join(dir, 'demo.jsonl.gz');
    await backupToFile(source.db, file);
    expect(await readdir(dir)).toEqual(['demo.jsonl.gz']);
    await restoreFromFile(target.db, file);
    expect(await tableSummaries(target.db)).toEqual(await tableSummaries(source.db));
  });

  it('refuses a file that is not a backup, in words', async () => {
    const target = await createTestDb();
    open.push(target);
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'hello');
    await expect(restoreFromFile(target.db, file)).rejects.toThrow();
  });
});
