import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../create-db';
import { migrateToLatest } from '../migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a migrated PGlite data directory dump, made once per test run. */
    pgliteTemplate?: string;
    /** 'pglite' (default) or 'pg' (then TEST_DATABASE_URL names the server). */
    testDriver?: 'pglite' | 'pg';
  }
}

export type TestDb = DbHandle & {
  name: string /** PostgreSQL only: where the database is. */;
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

async function createPgTestDb(): Promise<TestDb> {
  const adminUrl = testDatabaseUrl();
  const name = `homegroup_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString() });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    name,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
