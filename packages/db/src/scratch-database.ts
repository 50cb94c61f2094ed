import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from './create-db';
import { migrateToLatest } from './migrate';

/**
 * A new, migrated database on the PostgreSQL server at `adminUrl`, dropped again on close().
 * For tests and benchmarks, which must never touch a database they did not make.
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix = 'homegroup_scratch',
): Promise<DbHandle & { name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
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
