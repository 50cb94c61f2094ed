import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once landed.

/**
 * The second wall around each facility's records. Staff requests run as the role
 * `homegroup_staff` with the setting `homegroup.facility_ids` naming the facilities the request
 * may reach; every table with a `facility_id` column lets that role see and write only rows of
 * those facilities. With the setting missing or empty the role sees nothing. Migrations, the
 * demo seed and background jobs run as the database owner, to whom the policies do not apply.
 * Tables created later must add the same policy (a test lists any table that lacks it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select from pg_roles where rolname = 'homegroup_staff') then
        create role homegroup_staff nologin;
      end if;
    end $$
  `.execute(db);
  // The owner switches into the role for each staff request.
  await sql`grant homegroup_staff to current_user`.execute(db);
  await sql`
    do $$ begin
      execute format('grant usage on schema %I to homegroup_staff', current_schema());
      execute format(
        'grant select, insert, update, delete on all tables in schema %I to homegroup_staff',
        current_schema());
      execute format('grant usage, select on all sequences in schema %I to homegroup_staff',
        current_schema());
      execute format(
        'alter default privileges in schema %I grant select, insert, update, delete on tables to homegroup_staff',
        current_schema());
      execute format(
        'alter default privileges in schema %I grant usage, select on sequences to homegroup_staff',
        current_schema());
    end $$
  `.execute(db);

  await sql`
    create function homegroup_in_scope(f uuid) returns boolean language sql stable as $$
      select f = any(
        string_to_array(nullif(current_setting('homegroup.facility_ids', true), ''), ',')::uuid[]
      )
    $$
  `.execute(db);

  await sql`
    do $$
    declare t text;
    begin
      for t in
        select c.table_name from information_schema.columns c
        join information_schema.tables tb
          on tb.table_schema = c.table_schema and tb.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'facility_id'
          and tb.table_type = 'BASE TABLE'
      loop
        execute format('alter table %I enable row level security', t);
        if t = 'audit_events' then
          -- Events about no facility (a failed sign-in) are written, and read by no one here.
          execute format('create policy facility_scope on %I using (homegroup_in_scope(facility_id))
            with check (facility_id is null or homegroup_in_scope(facility_id))', t);
        else
          execute format('create policy facility_scope on %I using (homegroup_in_scope(facility_id))
            with check (homegroup_in_scope(facility_id))', t);
        end if;
      end loop;
    end $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    declare t text;
    begin
      for t in select tablename from pg_policies
        where schemaname = current_schema() and policyname = 'facility_scope'
      loop
        execute format('drop policy facility_scope on %I', t);
        execute format('alter table %I disable row level security', t);
      end loop;
    end $$
  `.execute(db);
  await sql`drop function homegroup_in_scope(uuid)`.execute(db);
}
