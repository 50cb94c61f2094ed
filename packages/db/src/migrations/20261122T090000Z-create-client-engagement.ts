import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('clients')
    .addColumn('pronouns', 'text')
    .addColumn('primary_substances', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('level_of_care', 'text')
    .addColumn('program_track', 'text')
    .addColumn('counselor_staff_id', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('sobriety_date', 'date')
    .addColumn('preferred_fellowship', 'text')
    .addColumn('discharge_type', 'text', (c) =>
      c.check(sql`discharge_type in ('completed', 'ama', 'administrative', 'transfer')`),
    )
    .addColumn('alumni_follow_up', 'text', (c) =>
      c.check(sql`alumni_follow_up in ('opted_in', 'opted_out')`),
    )
    .addColumn('support_person', 'text', (c) =>
      c.check(sql`support_person in ('sponsor', 'mentor')`),
    )
    .addColumn('support_since', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`alter table clients add constraint clients_discharge_type_needs_date
    check (discharge_type is null or discharge_date is not null)`.execute(db);
  await sql`alter table clients add constraint clients_alumni_discharged
    check ((status = 'alumni') = (discharge_date is not null))`.execute(db);
  await sql`alter table clients add constraint clients_sobriety_after_birth
    check (sobriety_date is null or date_of_birth is null or sobriety_date >= date_of_birth)`.execute(
    db,
  );
  await db.schema
    .createIndex('clients_facility_counselor_idx')
    .on('clients')
    .columns(['facility_id', 'counselor_staff_id'])
    .execute();

  await db.schema
    .alterTable('facility_settings')
    .addColumn('flag_missed_in_row', 'integer', (c) =>
      c.notNull().defaultTo(2).check(sql`flag_missed_in_row between 1 and 20`),
    )
    .addColumn('flag_low_attendance_percent', 'integer', (c) =>
      c.notNull().defaultTo(50).check(sql`flag_low_attendance_percent between 1 and 100`),
    )
    .addColumn('flag_attendance_window_days', 'integer', (c) =>
      c.notNull().defaultTo(14).check(sql`flag_attendance_window_days between 7 and 90`),
    )
    .addColumn('flag_engagement_drop', 'numeric(3, 1)', (c) =>
      c.notNull().defaultTo(1).check(sql`flag_engagement_drop between 0.5 and 4`),
    )
    .addColumn('flag_engagement_weeks', 'integer', (c) =>
      c.notNull().defaultTo(3).check(sql`flag_engagement_weeks between 2 and 12`),
    )
    .addColumn('flag_no_attendance_days', 'integer', (c) =>
      c.notNull().defaultTo(7).check(sql`flag_no_attendance_days between 2 and 60`),
    )
    .execute();

  // Engagement figures per client, computed in application code by the one pure function that
  // also draws the charts, and stored so the caseload can sort and page 5,000 clients in SQL.
  await db.schema
    .createTable('client_metrics')
    .addColumn('client_id', 'uuid', (c) => c.primaryKey().references('clients.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull())
    .addColumn('expected', 'integer', (c) => c.notNull())
    .addColumn('attendance_rate', 'double precision')
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('participation_recorded', 'integer', (c) => c.notNull())
    .addColumn('participation_rate', 'double precision')
    .addColumn('rated', 'integer', (c) => c.notNull())
    .addColumn('mean_engagement', 'double precision')
    .addColumn('engagement_trend', 'double precision')
    .addColumn('last_attended', 'date')
    .addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  for (const column of [
    'attendance_rate',
    'participation_rate',
    'mean_engagement',
    'last_attended',
  ]) {
    await db.schema
      .createIndex(`client_metrics_${column}_idx`)
      .on('client_metrics')
      .columns(['facility_id', column])
      .execute();
  }

  // A flag's life: raised, perhaps acknowledged with a note, cleared when the rule stops holding.
  await db.schema
    .createTable('client_flags')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'date', (c) => c.notNull())
    .addColumn('cleared_on', 'date')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('acknowledgement_note', 'text')
    .addCheckConstraint(
      'client_flags_acknowledged_with_note',
      sql`(acknowledged_at is null) = (acknowledgement_note is null)`,
    )
    .execute();
  await sql`create unique index client_flags_open_key on client_flags (client_id, rule) where cleared_on is null`.execute(
    db,
  );
  await sql`create index client_flags_facility_open_idx on client_flags (facility_id) where cleared_on is null`.execute(
    db,
  );

  await db.schema
    .createTable('step_work')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('step', 'integer', (c) => c.notNull().check(sql`step between 1 and 12`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('not_started', 'working', 'completed')`),
    )
    .addColumn('started_on', 'date')
    .addColumn('completed_on', 'date')
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('step_work_pkey', ['client_id', 'step'])
    .addCheckConstraint(
      'step_work_dates',
      sql`(status = 'not_started' and started_on is null and completed_on is null)
        or (status = 'working' and started_on is not null and completed_on is null)
        or (status = 'completed' and started_on is not null and completed_on >= started_on)`,
    )
    .execute();

  await db.schema
    .createTable('client_goals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('text', 'text', (c) => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn('target_date', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'achieved', 'set_aside')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('client_goals_client_idx')
    .on('client_goals')
    .column('client_id')
    .execute();

  await db.schema
    .createTable('goal_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('goal_id', 'uuid', (c) => c.notNull().references('client_goals.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('note', 'text', (c) => c.notNull().check(sql`length(trim(note)) > 0`))
    .addColumn('status_after', 'text')
    .addColumn('author_staff_id', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('goal_notes_goal_idx').on('goal_notes').column('goal_id').execute();

  // The sobriety milestones a facility celebrates, per fellowship; `default` covers the rest.
  await db.schema
    .createTable('milestone_sets')
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('fellowship', 'text', (c) => c.notNull())
    .addColumn('milestones', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('milestone_sets_pkey', ['facility_id', 'fellowship'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'milestone_sets',
    'goal_notes',
    'client_goals',
    'step_work',
    'client_flags',
    'client_metrics',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('facility_settings')
    .dropColumn('flag_missed_in_row')
    .dropColumn('flag_low_attendance_percent')
    .dropColumn('flag_attendance_window_days')
    .dropColumn('flag_engagement_drop')
    .dropColumn('flag_engagement_weeks')
    .dropColumn('flag_no_attendance_days')
    .execute();
  await sql`alter table clients drop constraint clients_discharge_type_needs_date,
    drop constraint clients_alumni_discharged, drop constraint clients_sobriety_after_birth`.execute(
    db,
  );
  await db.schema.dropIndex('clients_facility_counselor_idx').execute();
  await db.schema
    .alterTable('clients')
    .dropColumn('pronouns')
    .dropColumn('primary_substances')
    .dropColumn('level_of_care')
    .dropColumn('program_track')
    .dropColumn('counselor_staff_id')
    .dropColumn('sobriety_date')
    .dropColumn('preferred_fellowship')
    .dropColumn('discharge_type')
    .dropColumn('alumni_follow_up')
    .dropColumn('support_person')
    .dropColumn('support_since')
    .dropColumn('version')
    .execute();
}
