import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('facilities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('facilities_organization_name_key', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('staff_users_email_lowercase', sql`email = lower(email)`)
    .execute();
  await db.schema
    .createIndex('staff_users_email_key')
    .unique()
    .on('staff_users')
    .column('email')
    .execute();

  // A staff member may work at several facilities, with one role at each.
  await db.schema
    .createTable('staff_roles')
    .addColumn('staff_user_id', 'uuid', (c) =>
      c.notNull().references('staff_users.id').onDelete('cascade'),
    )
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'counselor', 'group_monitor', 'alumni_coordinator')`),
    )
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('staff_roles_pkey', ['staff_user_id', 'facility_id'])
    .execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Only a hash of the cookie's token is stored, so a copy of the database signs nobody in.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_user_id', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text', (c) =>
      c.check(sql`end_reason in ('sign_out', 'idle_timeout', 'absolute_timeout', 'revoked')`),
    )
    .addColumn('source_ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema
    .createIndex('auth_sessions_staff_user_idx')
    .on('auth_sessions')
    .column('staff_user_id')
    .execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'boolean', (c) => c.notNull())
    .addColumn('source_ip', 'text')
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('sign_in_attempts_email_time_idx')
    .on('sign_in_attempts')
    .columns(['email', 'attempted_at'])
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('record_number', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('admission_date', 'date', (c) => c.notNull())
    .addColumn('discharge_date', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('in_treatment', 'alumni')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('clients_facility_record_number_key', ['facility_id', 'record_number'])
    .addCheckConstraint(
      'clients_discharge_after_admission',
      sql`discharge_date is null or discharge_date >= admission_date`,
    )
    .execute();
  await db.schema
    .createIndex('clients_facility_status_idx')
    .on('clients')
    .columns(['facility_id', 'status'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_staff_user_id', 'uuid')
    .addColumn('facility_id', 'uuid')
    .addColumn('action', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`action in ('create', 'read', 'update', 'delete', 'execute', 'sign_in', 'sign_out', 'export', 'disclose')`,
        ),
    )
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('client_id', 'uuid')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success', 'failure')`))
    .addColumn('source_ip', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('audit_events_client_idx')
    .on('audit_events')
    .columns(['client_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_idx')
    .on('audit_events')
    .columns(['actor_staff_user_id', 'occurred_at'])
    .execute();

  // Append-only, enforced by the database itself and not only by application code.
  await sql`
    create function audit_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
    end $$
  `.execute(db);
  await sql`
    create trigger audit_events_no_update_delete before update or delete on audit_events
    for each row execute function audit_events_refuse_change()
  `.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change()
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reversed: audit records are kept for good.');
}
