import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { FacilityScopedDialect } from './facility-scope';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './tables';

export type DbConfig =
  /** A PostgreSQL server, e.g. postgres://user@host:5432/homegroup */
  | { databaseUrl: string }
  /** Embedded PostgreSQL in `dataDir`, or in memory when absent; `loadDataDir` starts from a copy. */
  | { dataDir?: string; loadDataDir?: Blob };

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  /** For logs and diagnostics only: callers never branch on the driver. */
  driver: 'pg' | 'pglite';
  /** Resolves when the database answers; rejects with the driver's error otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: a copy of the whole database, e.g. to clone a migrated template in tests. */
  dumpDataDir?: () => Promise<Blob>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Calendar dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the server's time zone),
 * and 64-bit integers become numbers (ids and counts stay far below 2^53). Numerics hold small
 * settings such as 1.5 points, so a number loses nothing; both drivers return the same types.
 */
const parsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
};

function pinger(db: Db) {
  return async () => {
    await sql`select 1`.execute(db);
  };
}

export async function createDb(config: DbConfig): Promise<DbHandle> {
  const plugins = [new CamelCasePlugin()];
  if ('databaseUrl' in config) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid in parsers
            ? parsers[oid as keyof typeof parsers]
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    // Nor may a connection lost while in use (killed by an admin, a server restart): the query
    // running on it fails with a retryable error, and the pool replaces the connection.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = new Kysely<Database>({
      dialect: new FacilityScopedDialect(new PostgresDialect({ pool })),
      plugins,
    });
    return {
      db,
      driver: 'pg',
      ping: pinger(db),
      close: () => db.destroy(),
    };
  }

  const pglite = await PGlite.create({
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
    parsers,
  });
  const db = new Kysely<Database>({
    dialect: new FacilityScopedDialect(new PGliteDialect(pglite)),
    plugins,
  });
  return {
    db,
    driver: 'pglite',
    ping: pinger(db),
    close: () => db.destroy(),
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}
