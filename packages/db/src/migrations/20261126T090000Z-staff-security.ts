import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

/**
 * Stronger sign-in and emergency access:
 * - two-step sign-in with a time-based code (TOTP): the staff member's secret, when they turned it
 *   on, and the last code step used (a code works once);
 * - a facility setting that requires two-step sign-in of its admins;
 * - the short-lived challenge between the password and the code;
 * - sign-in attempts looked up by address, for the per-address limit;
 * - who disabled an account, and when;
 * - the admin audit viewer's index (a facility's events by date);
 * - emergency ("break the glass") access: a staff member opens one client's record outside their
 *   role, giving a reason; the grant expires by itself and an admin reviews it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff_users')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('totp_last_step', 'integer')
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('disabled_by_staff_user_id', 'uuid', (c) => c.references('staff_users.id'))
    .execute();
  await sql`alter table staff_users add constraint staff_users_totp_enabled_has_secret
    check (totp_enabled_at is null or totp_secret is not null)`.execute(db);

  await db.schema
    .alterTable('facility_settings')
    .addColumn('require_admin_two_factor', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('sign_in_challenges')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Only a hash of the challenge token is stored, as for session tokens.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_user_id', 'uuid', (c) =>
      c.notNull().references('staff_users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('failed_codes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_ip', 'text')
    .execute();

  await db.schema
    .createIndex('sign_in_attempts_address_time_idx')
    .on('sign_in_attempts')
    .columns(['source_ip', 'attempted_at'])
    .execute();

  // The admin audit viewer lists a facility's events by date.
  await db.schema
    .createIndex('audit_events_facility_time_idx')
    .on('audit_events')
    .columns(['facility_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('emergency_access_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('staff_user_id', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) >= 20`))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by_staff_user_id', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('review_outcome', 'text', (c) =>
      c.check(sql`review_outcome in ('appropriate', 'not_appropriate')`),
    )
    .addColumn('review_note', 'text')
    .addCheckConstraint('emergency_access_expires_after_grant', sql`expires_at > granted_at`)
    .addCheckConstraint(
      'emergency_access_review_complete',
      sql`(reviewed_at is null) = (review_outcome is null)
        and (reviewed_at is null) = (reviewed_by_staff_user_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('emergency_access_grants_open_idx')
    .on('emergency_access_grants')
    .columns(['facility_id', 'staff_user_id', 'client_id', 'expires_at'])
    .execute();
  await sql`alter table emergency_access_grants enable row level security`.execute(db);
  await sql`create policy facility_scope on emergency_access_grants
    using (homegroup_in_scope(facility_id)) with check (homegroup_in_scope(facility_id))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('emergency_access_grants').execute();
  await db.schema.dropIndex('audit_events_facility_time_idx').execute();
  await db.schema.dropIndex('sign_in_attempts_address_time_idx').execute();
  await db.schema.dropTable('sign_in_challenges').execute();
  await db.schema.alterTable('facility_settings').dropColumn('require_admin_two_factor').execute();
  await sql`alter table staff_users drop constraint staff_users_totp_enabled_has_secret`.execute(
    db,
  );
  await db.schema
    .alterTable('staff_users')
    .dropColumn('totp_secret')
    .dropColumn('totp_enabled_at')
    .dropColumn('totp_last_step')
    .dropColumn('password_changed_at')
    .dropColumn('disabled_at')
    .dropColumn('disabled_by_staff_user_id')
    .execute();
}
