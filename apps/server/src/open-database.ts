import { mkdir } from 'node:fs/promises';
import { hashPassword } from '@homegroup/api';
import { dateInTimeZone } from '@homegroup/core';
import { createDb, type DbHandle, migrateToLatest } from '@homegroup/db';
import { isSeeded, seedDemo } from '@homegroup/db/seed';
import { sql } from 'kysely';
import { lockDataDir } from './data-dir-lock';
import type { ServerConfig } from './env';

export class DatabaseUnreachableError extends Error {}

function describe(config: ServerConfig['database']) {
  if ('databaseUrl' in config) {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `embedded PostgreSQL in ${config.dataDir}`;
}

/**
 * Opens the configured database, brings its schema up to date and, when it is empty and demo data
 * is wanted, fills it with the fictional demo. Says in one sentence when the database cannot be
 * reached.
 */
export async function openDatabase(config: ServerConfig) {
  const where = describe(config.database);
  let unlock = async () => {};
  if ('dataDir' in config.database) {
    await mkdir(config.database.dataDir, { recursive: true });
    unlock = await lockDataDir(config.database.dataDir);
  }
  let opened: DbHandle;
  try {
    opened = await createDb(config.database);
    await opened.ping();
  } catch (err) {
    await unlock();
    const reason = err instanceof Error && err.message ? err.message : String(err);
    throw new DatabaseUnreachableError(`Cannot reach the database (${where}): ${reason}`);
  }
  // Closing the database also frees the data directory for the next server.
  const handle: DbHandle = {
    ...opened,
    close: async () => {
      await opened.close();
      await unlock();
    },
  };
  try {
    const applied = await migrateToLatest(handle.db);
    let seeded = false;
    if (config.seedDemo && !(await isSeeded(handle.db))) {
      await seedDemo(handle.db, {
        hashPassword,
        today: dateInTimeZone(new Date(), 'America/Denver'),
      });
      seeded = true;
    }
    // Embedded PostgreSQL runs no autovacuum, so its planner statistics would never be gathered:
    // without them the outcome queries plan as if every table held one row. A server gathers
    // them itself after a seed.
    if (handle.driver === 'pglite' || seeded) await sql`analyze`.execute(handle.db);
    return { handle, where, applied, seeded };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
