import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

/**
 * Makes the audit trail tamper-evident. Each event carries its place in one chain (`chain_seq`),
 * the hash of the event before it and its own hash over both and every field. The database
 * computes them as the event is inserted, under a lock, so the chain has one order whatever the
 * number of servers writing. Changing or removing an event (which the append-only triggers
 * already refuse) breaks the chain from that event on, and the verify command says where.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_events')
    .addColumn('chain_seq', 'bigint')
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();

  // One canonical text of an event: jsonb's text form is deterministic, and the time is written
  // in UTC whatever the session's time zone.
  await sql`
    create function audit_event_hash(e audit_events) returns text
    language sql immutable as $$
      select encode(sha256(convert_to(jsonb_build_array(
        e.prev_hash, e.chain_seq,
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_staff_user_id, e.facility_id, e.action, e.entity_type, e.entity_id,
        e.client_id, e.outcome, e.source_ip, e.detail
      )::text, 'UTF8')), 'hex')
    $$
  `.execute(db);

  // Chain the events already written, in the order they were written.
  await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(db);
  await sql`
    do $$
    declare
      e audit_events;
      prev text := repeat('0', 64);
      seq bigint := 0;
    begin
      for e in select * from audit_events order by id loop
        seq := seq + 1;
        e.chain_seq := seq;
        e.prev_hash := prev;
        prev := audit_event_hash(e);
        update audit_events set chain_seq = seq, prev_hash = e.prev_hash, hash = prev
          where id = e.id;
      end loop;
    end $$
  `.execute(db);
  await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(db);

  await sql`
    create function audit_events_chain() returns trigger language plpgsql
    -- Runs as the table's owner: row-level security must not hide the chain's last event from a
    -- staff request scoped to one facility.
    security definer set search_path from current as $$
    declare
      last_seq bigint;
      last_hash text;
    begin
      -- One writer at a time extends the chain; the lock is held until the transaction ends, so
      -- the next writer sees this event before it links to it.
      perform pg_advisory_xact_lock(4242424201);
      select chain_seq, hash into last_seq, last_hash
        from audit_events order by chain_seq desc limit 1;
      new.chain_seq := coalesce(last_seq, 0) + 1;
      new.prev_hash := coalesce(last_hash, repeat('0', 64));
      new.hash := audit_event_hash(new);
      return new;
    end $$
  `.execute(db);
  await sql`
    create trigger audit_events_chain before insert on audit_events
    for each row execute function audit_events_chain()
  `.execute(db);

  await db.schema
    .alterTable('audit_events')
    .alterColumn('chain_seq', (c) => c.setNotNull())
    .execute();
  await db.schema
    .alterTable('audit_events')
    .alterColumn('prev_hash', (c) => c.setNotNull())
    .execute();
  await db.schema
    .alterTable('audit_events')
    .alterColumn('hash', (c) => c.setNotNull())
    .execute();
  await db.schema
    .createIndex('audit_events_chain_seq_key')
    .unique()
    .on('audit_events')
    .column('chain_seq')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The audit chain cannot be removed: audit records are kept for good.');
}
