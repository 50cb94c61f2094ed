import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../create-db';
import { migrateToLatest } from '../migrate';
import { createScratchDatabase } from '../scratch-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a migrated PGlite data directory dump, made once per test run. */
    pgliteTemplate?: string;
    /** 'pglite' (default) or 'pg' (then TEST_DATABASE_URL names the server). */
    testDriver?: 'pglite' | 'pg';
  }
}

export type TestDb = DbHandle & {
  name: string;
  /** PostgreSQL only: where the database is. */
  url?: string;
};

/**
 * A migrated, empty database of its own for one test file. On PGlite it is a copy of a template
 * migrated once per run; on PostgreSQL it is a new database on the TEST_DATABASE_URL server,
 * dropped again on close().
 */
export async function createTestDb(): Promise<TestDb> {
  const driver = inject('testDriver') ?? 'pglite';
  if (driver === 'pg') return createPgTestDb();
  const template = inject('pgliteTemplate');
  if (template) {
    const blob = new Blob([await readFile(template)]);
    const handle = await createDb({ loadDataDir: blob });
    return { ...handle, name: 'pglite (template copy)' };
  }
  const handle = await createDb({});
  await migrateToLatest(handle.db);
  return { ...handle, name: 'pglite (in memory)' };
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL must be set to test on PostgreSQL');
  return url;
}

function createPgTestDb(): Promise<TestDb> {
  return createScratchDatabase(testDatabaseUrl(), 'homegroup_t');
}
