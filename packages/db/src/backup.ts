import { sql } from 'kysely';
import type { Db } from './create-db';
import { migrations } from './migrations';

export const BACKUP_FORMAT = 'homegroup-backup';
export const BACKUP_VERSION = 1;
const BATCH = 1_000;

export interface TableSummary {
  name: string;
  rows: number;
  /** md5 over every row's text, in a fixed order: equal on both sides of a faithful copy. */
  checksum: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The schema the rows fit: a restore needs the same migrations, no more and no fewer. */
  migrations: string[];
  tables: TableSummary[];
}

/** Why a backup cannot be restored, in words for whoever runs the command. */
export class BackupError extends Error {}

/** The application's tables (not the migration bookkeeping), in a stable order. */
async function dataTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%'
    order by 1`.execute(db);
  return rows.map((r) => r.name);
}

/** Row counts and checksums of every table: what a backup promises and a restore must match. */
export async function tableSummaries(db: Db): Promise<TableSummary[]> {
  const summaries: TableSummary[] = [];
  for (const name of await dataTables(db)) {
    const { rows } = await sql<{ n: number; h: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h
      from ${sql.table(name)} x`.execute(db);
    summaries.push({ name, rows: rows[0]?.n ?? 0, checksum: rows[0]?.h ?? '' });
  }
  return summaries;
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Writes the whole database as lines of JSON: a header with each table's row count and checksum,
 * then one line per batch of rows. Read in one repeatable-read transaction, so the copy is of
 * one moment even while the server keeps saving.
 */
export async function* backupLines(db: Db, now = new Date()): AsyncGenerator<string> {
  const lines: string[] = [];
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tx = trx as unknown as Db;
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        migrations: await appliedMigrations(tx),
        tables: await tableSummaries(tx),
      };
      lines.push(JSON.stringify(header));
      for (const table of header.tables) {
        let last = '(0,0)';
        for (;;) {
          const { rows } = await sql<{ tid: string; j: string }>`
            select ctid::text as tid, row_to_json(x)::text as j from ${sql.table(table.name)} x
            where ctid > ${last}::tid order by ctid limit ${BATCH}`.execute(tx);
          if (rows.length === 0) break;
          lines.push(
            `{"table":${JSON.stringify(table.name)},"rows":[${rows.map((r) => r.j).join(',')}]}`,
          );
          last = rows.at(-1)?.tid ?? last;
          if (rows.length < BATCH) break;
        }
      }
    });
  yield* lines.map((l) => `${l}\n`);
}

interface BatchLine {
  table: string;
  rows: unknown[];
}

/**
 * Restores a backup into a database that holds no records yet (freshly migrated to the same
 * schema), in one transaction: a broken or incomplete file, or counts and checksums that do not
 * match the header afterwards, leave the database as it was.
 */
export async function restoreBackup(db: Db, lines: AsyncIterable<string>): Promise<BackupHeader> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first.done ? '' : first.value) as BackupHeader;
  } catch {
    throw new BackupError('This file is not a Homegroup backup (its first line is not a header).');
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
    throw new BackupError('This file is not a Homegroup backup of a version this app can read.');
  }
  const here = await appliedMigrations(db);
  const known = Object.keys(migrations);
  if (header.migrations.some((m) => !known.includes(m))) {
    throw new BackupError(
      'This backup was made by a newer Homegroup (its schema has migrations this app does not know). Restore it with that version.',
    );
  }
  if (header.migrations.join() !== here.join()) {
    throw new BackupError(
      `This backup's schema (${header.migrations.length} migrations) differs from the database's (${here.length}). Restore into a database at the same version.`,
    );
  }
  const names = await dataTables(db);
  const tables = new Set(names);
  const holding: string[] = [];
  for (const name of names) {
    const { rows } = await sql<{ any: boolean }>`
      select exists (select 1 from ${sql.table(name)}) as any`.execute(db);
    if (rows[0]?.any) holding.push(name);
  }
  if (holding.length > 0) {
    throw new BackupError(
      `The database already holds records (${holding.join(', ')}). Restore into an empty database, so nothing is overwritten.`,
    );
  }
  await db.transaction().execute(async (trx) => {
    const tx = trx as unknown as Db;
    // Rows go back exactly as they were: no triggers (the audit chain keeps its stored hashes)
    // and no foreign-key checks until the whole copy is in.
    await sql`set local session_replication_role = replica`.execute(tx);
    let line = await iterator.next();
    while (!line.done) {
      if (line.value.trim() !== '') {
        let batch: BatchLine;
        try {
          batch = JSON.parse(line.value) as BatchLine;
        } catch {
          throw new BackupError(
            'The backup file is damaged (a line of rows cannot be read). Nothing was restored.',
          );
        }
        if (!tables.has(batch.table)) {
          throw new BackupError(
            `The backup holds a table this database does not have (${batch.table}). Nothing was restored.`,
          );
        }
        await sql`insert into ${sql.table(batch.table)}
          select * from json_populate_recordset(null::${sql.table(batch.table)}, ${JSON.stringify(batch.rows)}::json)`.execute(
          tx,
        );
      }
      line = await iterator.next();
    }
    const restored = await tableSummaries(tx);
    for (const expected of header.tables) {
      const got = restored.find((t) => t.name === expected.name);
      if (!got || got.rows !== expected.rows || got.checksum !== expected.checksum) {
        throw new BackupError(
          `The restored ${expected.name} does not match the backup (${got?.rows ?? 0} of ${expected.rows} rows). The file is incomplete or damaged; nothing was restored.`,
        );
      }
    }
    // Sequences continue after the restored ids.
    await sql`
      do $$
      declare s record;
      begin
        for s in
          select c.relname as tbl, a.attname as col, pg_get_serial_sequence(format('%I', c.relname), a.attname) as seq
          from pg_class c join pg_attribute a on a.attrelid = c.oid
          where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
            and pg_get_serial_sequence(format('%I', c.relname), a.attname) is not null
        loop
          execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', s.seq, s.col, s.tbl);
        end loop;
      end $$`.execute(tx);
  });
  return header;
}
