import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  // A community meeting directory belongs to the organisation: every facility refers to the same
  // meetings. A source is one feed (a URL or an uploaded file) or the hand-entered list.
  await db.schema
    .createTable('meeting_sources')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('meeting_guide', 'bmlt', 'upload', 'manual')`),
    )
    .addColumn('url', 'text')
    .addColumn('fellowship', 'text', (c) => c.notNull())
    .addColumn('default_time_zone', 'text', (c) => c.notNull())
    .addColumn('last_imported_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('meeting_sources_organization_name_key', ['organization_id', 'name'])
    .addCheckConstraint(
      'meeting_sources_url_for_feeds',
      sql`(kind in ('meeting_guide', 'bmlt')) = (url is not null)`,
    )
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('source_id', 'uuid', (c) => c.notNull().references('meeting_sources.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('fellowship', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('day', 'smallint', (c) => c.check(sql`day between 0 and 6`))
    // Minutes after midnight in the meeting's own time zone, so a time window is a range query.
    .addColumn('start_minute', 'smallint', (c) => c.check(sql`start_minute between 0 and 1439`))
    .addColumn('end_minute', 'smallint', (c) => c.check(sql`end_minute between 0 and 1439`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('unknown_types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{EN}'`))
    .addColumn('attendance_mode', 'text', (c) =>
      c.notNull().check(sql`attendance_mode in ('in_person', 'online', 'hybrid')`),
    )
    .addColumn('location', 'text')
    .addColumn('formatted_address', 'text')
    .addColumn('city', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('regions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('latitude', 'double precision', (c) => c.check(sql`latitude between -90 and 90`))
    .addColumn('longitude', 'double precision', (c) => c.check(sql`longitude between -180 and 180`))
    .addColumn('conference_url', 'text')
    .addColumn('conference_phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('location_notes', 'text')
    .addColumn('group_name', 'text')
    .addColumn('url', 'text')
    .addColumn('feed_updated_at', 'timestamptz')
    // Lower-cased name, location, address, group and regions, for free-text search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    // A digest of the normalised fields, so a re-import can tell updated from unchanged.
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A meeting that vanished from its feed is retired, never deleted: referrals point at it.
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('meetings_source_slug_key', ['source_id', 'slug'])
    .addCheckConstraint(
      'meetings_coordinates_together',
      sql`(latitude is null) = (longitude is null)`,
    )
    .execute();
  await sql`create index meetings_search_idx on meetings (organization_id, day, start_minute)
    where retired_at is null`.execute(db);
  await sql`create index meetings_position_idx on meetings (organization_id, latitude, longitude)
    where retired_at is null and latitude is not null`.execute(db);

  await db.schema
    .createTable('meeting_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source_id', 'uuid', (c) => c.notNull().references('meeting_sources.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('url', 'upload')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running', 'succeeded', 'failed')`),
    )
    .addColumn('row_count', 'integer')
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    // Skipped rows with reasons and the repairs made, as the coordinator saw them.
    .addColumn('report', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('error', 'text')
    .addColumn('started_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('meeting_imports_source_idx')
    .on('meeting_imports')
    .columns(['source_id', 'started_at'])
    .execute();

  await db.schema
    .alterTable('facility_settings')
    .addColumn('follow_up_days', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{7,30,60,90}'`))
    .execute();

  await db.schema.alterTable('clients').addColumn('phone', 'text').execute();

  // What an alumnus wants from a meeting; one row per client, used to rank the directory.
  await db.schema
    .createTable('referral_preferences')
    .addColumn('client_id', 'uuid', (c) => c.primaryKey().references('clients.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('fellowships', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('days', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('times_of_day', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('attendance_modes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('language', 'text')
    .addColumn('communities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('home_label', 'text')
    .addColumn('home_latitude', 'double precision')
    .addColumn('home_longitude', 'double precision')
    .addColumn('max_distance_miles', 'integer', (c) =>
      c.check(sql`max_distance_miles between 1 and 500`),
    )
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'referral_preferences_home_together',
      sql`(home_latitude is null) = (home_longitude is null)`,
    )
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.references('meetings.id'))
    // A referral to a non-12-Step alternative that is not in the directory.
    .addColumn('alternative_name', 'text')
    .addColumn('alternative_details', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('suggested', 'accepted', 'first_attended', 'attending', 'declined', 'lost_contact')`,
        ),
    )
    .addColumn('status_on', 'date', (c) => c.notNull())
    .addColumn('first_attended_on', 'date')
    .addColumn('match_reasons', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('referrals_target', sql`(meeting_id is null) <> (alternative_name is null)`)
    .execute();
  await db.schema
    .createIndex('referrals_client_idx')
    .on('referrals')
    .columns(['client_id', 'created_at'])
    .execute();
  await sql`create unique index referrals_open_meeting_key on referrals (client_id, meeting_id)
    where meeting_id is not null and status not in ('declined', 'lost_contact')`.execute(db);

  await db.schema
    .createTable('referral_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referrals.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('referral_events_referral_idx')
    .on('referral_events')
    .column('referral_id')
    .execute();

  // A 42 CFR Part 2 consent to disclose, with every element the rule requires.
  await db.schema
    .createTable('consents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('discloser', 'text', (c) => c.notNull())
    .addColumn('information', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`recipient_kind in ('meeting_contact', 'temporary_sponsor', 'alumni_volunteer', 'other')`,
        ),
    )
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('right_to_revoke_explained', 'boolean', (c) =>
      c.notNull().check(sql`right_to_revoke_explained`),
    )
    .addColumn('expires_on', 'date')
    .addColumn('expiry_event', 'text')
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'date', (c) => c.notNull())
    .addColumn('revoked_on', 'date')
    .addColumn('revoked_by', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('revocation_note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'consents_expiry_given',
      sql`expires_on is not null or expiry_event is not null`,
    )
    .addCheckConstraint(
      'consents_expiry_after_signing',
      sql`expires_on is null or expires_on >= signed_on`,
    )
    .addCheckConstraint(
      'consents_revoked_after_signing',
      sql`revoked_on is null or revoked_on >= signed_on`,
    )
    .execute();
  await db.schema.createIndex('consents_client_idx').on('consents').column('client_id').execute();

  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('consent_id', 'uuid', (c) => c.notNull().references('consents.id'))
    .addColumn('referral_id', 'uuid', (c) => c.references('referrals.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('warm_handoff', 'other')`))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('information', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // The Part 2 notice as it was given with this disclosure.
    .addColumn('notice', 'text', (c) => c.notNull())
    .addColumn('disclosed_on', 'date', (c) => c.notNull())
    .addColumn('made_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('disclosures_client_idx')
    .on('disclosures')
    .columns(['client_id', 'disclosed_on'])
    .execute();

  await db.schema
    .createTable('follow_up_tasks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('days_after_discharge', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'done', 'declined', 'cancelled')`),
    )
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('follow_up_tasks_client_day_key', ['client_id', 'days_after_discharge'])
    .execute();
  await sql`create index follow_up_tasks_queue_idx on follow_up_tasks (facility_id, due_on)
    where status = 'open'`.execute(db);

  await db.schema
    .createTable('follow_up_attempts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('follow_up_tasks.id'))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('reached', 'no_answer', 'wrong_number', 'declined')`),
    )
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('community_meetings', 'integer', (c) =>
      c.check(sql`community_meetings between 0 and 200`),
    )
    .addColumn('has_sponsor', 'boolean')
    .addColumn('abstinent', 'text', (c) => c.check(sql`abstinent in ('yes', 'no', 'declined')`))
    .addColumn('housing', 'text')
    .addColumn('work_or_school', 'text')
    .addColumn('made_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'follow_up_attempts_reached_answers',
      sql`outcome <> 'reached' or (community_meetings is not null and has_sponsor is not null
        and abstinent is not null and housing is not null and work_or_school is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('follow_up_attempts_task_idx')
    .on('follow_up_attempts')
    .column('task_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'follow_up_attempts',
    'follow_up_tasks',
    'disclosures',
    'consents',
    'referral_events',
    'referrals',
    'referral_preferences',
    'meeting_imports',
    'meetings',
    'meeting_sources',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('clients').dropColumn('phone').execute();
  await db.schema.alterTable('facility_settings').dropColumn('follow_up_days').execute();
}
