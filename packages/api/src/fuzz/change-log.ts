import type { Db } from '@homegroup/db';
import { sql } from 'kysely';

/** Tables every call may touch: the audit trail, session activity and sign-in attempts. */
const BOOKKEEPING = ['audit_events', 'auth_sessions', 'sign_in_attempts'];

/**
 * Test only: a trigger on every data table records each committed row change (insert, update or
 * delete) in `test_changes`, with the row as JSON. A call that changed nothing adds no entry;
 * a rolled-back change leaves none either.
 */
export async function installChangeLog(db: Db): Promise<void> {
  await sql`create table test_changes (id bigserial primary key, tbl text not null, row_json text not null)`.execute(
    db,
  );
  await sql`grant insert on test_changes to homegroup_staff`.execute(db);
  await sql`grant usage on sequence test_changes_id_seq to homegroup_staff`.execute(db);
  await sql`
    create function test_record_change() returns trigger language plpgsql as $$
    begin
      insert into test_changes (tbl, row_json)
        values (tg_table_name, coalesce(to_jsonb(new), to_jsonb(old))::text);
      return null;
    end $$`.execute(db);
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_%' and table_name <> 'test_changes'
      and table_name <> all(${BOOKKEEPING})`.execute(db);
  for (const { name } of rows) {
    await sql`create trigger test_record_change after insert or update or delete on ${sql.table(name)}
      for each row execute function test_record_change()`.execute(db);
  }
}

/** The id of the last change recorded so far. */
export async function lastChange(db: Db): Promise<number> {
  const { rows } = await sql<{ id: number | null }>`select max(id) as id from test_changes`.execute(
    db,
  );
  return Number(rows[0]?.id ?? 0);
}

/** Changes recorded after `since`, e.g. to look for another facility's ids in them. */
export async function changesSince(db: Db, since: number) {
  const { rows } = await sql<{ tbl: string; rowJson: string }>`
    select tbl, row_json from test_changes where id > ${since} order by id`.execute(db);
  return rows;
}
