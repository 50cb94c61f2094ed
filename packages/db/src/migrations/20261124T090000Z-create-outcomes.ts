import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  // Which instruments of the library a facility uses, and its own wording where the public copies
  // of an instrument disagree. No row means the instrument is switched on with its own wording.
  await db.schema
    .createTable('facility_instruments')
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('wording', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('facility_instruments_pkey', ['facility_id', 'instrument_code'])
    .execute();

  // One administration of one instrument to one client. Answers are kept exactly as given (item
  // id → answer value); the scores beside them are what the scoring rule made of them that day.
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('facility_id', 'uuid', (c) => c.notNull().references('facilities.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('occasion', 'text', (c) =>
      c.notNull().check(sql`occasion in ('admission', 'discharge', 'follow_up', 'other')`),
    )
    .addColumn('administered_on', 'date', (c) => c.notNull())
    .addColumn('follow_up_task_id', 'uuid', (c) => c.references('follow_up_tasks.id'))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('total_score', 'smallint')
    .addColumn('subscale_scores', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('band', 'text')
    .addColumn('safety_concern', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('administered_by', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('assessments_client_idx')
    .on('assessments')
    .columns(['client_id', 'instrument_code', 'administered_on'])
    .execute();
  await db.schema
    .createIndex('assessments_facility_idx')
    .on('assessments')
    .columns(['facility_id', 'instrument_code', 'administered_on'])
    .execute();

  // The outcome dashboard counts from the records themselves, live; these keep its reads short.
  await db.schema
    .createIndex('clients_facility_admission_idx')
    .on('clients')
    .columns(['facility_id', 'admission_date'])
    .execute();
  await db.schema
    .createIndex('clients_facility_discharge_idx')
    .on('clients')
    .columns(['facility_id', 'discharge_date'])
    .execute();
  await db.schema
    .createIndex('referrals_facility_created_idx')
    .on('referrals')
    .columns(['facility_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('follow_up_attempts_client_idx')
    .on('follow_up_attempts')
    .columns(['client_id', 'attempted_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('follow_up_attempts_client_idx').execute();
  await db.schema.dropIndex('referrals_facility_created_idx').execute();
  await db.schema.dropIndex('clients_facility_discharge_idx').execute();
  await db.schema.dropIndex('clients_facility_admission_idx').execute();
  await db.schema.dropTable('assessments').execute();
  await db.schema.dropTable('facility_instruments').execute();
}
