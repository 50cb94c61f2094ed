import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('facility_settings')
    .addColumn('facility_id', 'uuid', (c) => c.primaryKey().references('facilities.id'))
    .addColumn('monitors_log_any_session', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('overdue_after_hours', 'integer', (c) =>
      c.notNull().defaultTo(24).check(sql`overdue_after_hours between 1 and 720`),
    )
    .addColumn('session_window_weeks', 'integer', (c) =>
      c.notNull().defaultTo(4).check(sql`session_window_weeks between 1 and 26`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into facility_settings (facility_id) select id from facilities`.execute(db);

  await db.schema.alterTable('clients').addColumn('date_of_birth', 'date').execute();

  await db.schema
    .createTable('family_members')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('family_members_client_idx')
    .on('family_members')
    .column('client_id')
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('audiences', sql`text[]`, (c) => c.notNull().check(sql`cardinality(audiences) > 0`))
    .addColumn('program_track', 'text')
    .addColumn('min_age', 'integer', (c) => c.check(sql`min_age between 0 and 120`))
    .addColumn('participation', 'text', (c) =>
      c.notNull().check(sql`participation in ('mandatory', 'optional')`),
    )
    .addColumn('enrolment', 'text', (c) => c.notNull().check(sql`enrolment in ('open', 'closed')`))
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity > 0`))
    .addColumn('room', 'text')
    .addColumn('video_url', 'text')
    .addColumn('schedule_days', sql`integer[]`, (c) =>
      c.notNull().check(sql`cardinality(schedule_days) > 0`),
    )
    .addColumn('start_time', 'text', (c) =>
      c.notNull().check(sql`start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    )
    .addColumn('duration_minutes', 'integer', (c) =>
      c.notNull().check(sql`duration_minutes between 1 and 480`),
    )
    .addColumn('cycle_start_date', 'date')
    // The last day sessions have been generated for, so generating again starts after it.
    .addColumn('sessions_through', 'date')
    .addColumn('monitor_staff_id', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('co_facilitator_staff_id', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index groups_facility_name_key on groups (facility_id, lower(name)) where archived_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('group_enrolments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('groups.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.references('clients.id'))
    .addColumn('family_member_id', 'uuid', (c) => c.references('family_members.id'))
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addColumn('override_reason', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'group_enrolments_one_person',
      sql`num_nonnulls(client_id, family_member_id) = 1`,
    )
    .addCheckConstraint('group_enrolments_dates', sql`end_date is null or end_date >= start_date`)
    .execute();
  await db.schema
    .createIndex('group_enrolments_group_idx')
    .on('group_enrolments')
    .column('group_id')
    .execute();
  await db.schema
    .createIndex('group_enrolments_client_idx')
    .on('group_enrolments')
    .column('client_id')
    .execute();

  await db.schema
    .createTable('group_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('groups.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) =>
      c.notNull().check(sql`duration_minutes between 1 and 480`),
    )
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`state in ('scheduled', 'in_progress', 'completed', 'signed', 'cancelled')`),
    )
    .addColumn('cancel_reason', 'text')
    .addColumn('topic', 'text')
    .addColumn('step_focus', 'integer', (c) => c.check(sql`step_focus between 1 and 12`))
    .addColumn('reading', 'text')
    .addColumn('shared_note', 'text')
    .addColumn('ad_hoc', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('signed_at', 'timestamptz')
    .addColumn('signed_by', 'uuid', (c) => c.references('staff_users.id'))
    // Raised by every save, so two people saving the same session cannot overwrite each other.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // The version at which topic, step, reading or the shared note last changed.
    .addColumn('details_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('group_sessions_group_start_key', ['group_id', 'starts_at'])
    .addCheckConstraint(
      'group_sessions_cancel_reason',
      sql`state <> 'cancelled' or cancel_reason is not null`,
    )
    .execute();
  await db.schema
    .createIndex('group_sessions_facility_start_idx')
    .on('group_sessions')
    .columns(['facility_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('attendance_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('group_sessions.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.references('clients.id'))
    .addColumn('family_member_id', 'uuid', (c) => c.references('family_members.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('present', 'late', 'left_early', 'absent_excused', 'absent_unexcused')`,
        ),
    )
    .addColumn('late_minutes', 'integer', (c) => c.check(sql`late_minutes > 0`))
    .addColumn('left_early_minutes', 'integer', (c) => c.check(sql`left_early_minutes > 0`))
    .addColumn('excuse_reason', 'text')
    .addColumn('participation', 'text', (c) =>
      c.check(sql`participation in ('shared', 'listened')`),
    )
    .addColumn('engagement_rating', 'integer', (c) =>
      c.check(sql`engagement_rating between 1 and 5`),
    )
    .addColumn('individual_note', 'text')
    .addColumn('walk_in', 'boolean', (c) => c.notNull().defaultTo(false))
    // The session version this entry was last saved in: tells which entries changed since.
    .addColumn('saved_in_version', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('attendance_one_person', sql`num_nonnulls(client_id, family_member_id) = 1`)
    .addUniqueConstraint('attendance_session_client_key', ['session_id', 'client_id'])
    .addUniqueConstraint('attendance_session_family_key', ['session_id', 'family_member_id'])
    .execute();
  await db.schema
    .createIndex('attendance_records_client_idx')
    .on('attendance_records')
    .column('client_id')
    .execute();

  await db.schema
    .createTable('session_addenda')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('group_sessions.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('author_staff_id', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('changes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('session_addenda_session_idx')
    .on('session_addenda')
    .column('session_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'session_addenda',
    'attendance_records',
    'group_sessions',
    'group_enrolments',
    'groups',
    'family_members',
    'facility_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('clients').dropColumn('date_of_birth').execute();
}
