import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

/**
 * A save sent twice (a retry after a dropped connection, a double tap) is done once: the first
 * save records its key and answer in its own transaction; a repeat with the same key gets that
 * answer back. A save that failed left no key, so its retry runs for real.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('staff_user_id', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('key', 'uuid', (c) => c.notNull())
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['staff_user_id', 'key'])
    .execute();
  await sql`alter table idempotency_keys enable row level security`.execute(db);
  await sql`create policy facility_scope on idempotency_keys using (homegroup_in_scope(facility_id))
    with check (homegroup_in_scope(facility_id))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
