import { isValidTimeZone } from '@homegroup/core';
import type { MeetingSourceInput } from '@homegroup/validators';
import { sql } from 'kysely';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField } from '../errors';

/** The organisation's feeds, each with its latest import (succeeded or not) and meeting count. */
export async function listMeetingSources(ctx: Context, staff: StaffContext) {
  const sources = await ctx.db
    .selectFrom('meetingSources as s')
    .select([
      's.id',
      's.name',
      's.kind',
      's.url',
      's.fellowship',
      's.defaultTimeZone',
      's.lastImportedAt',
      (eb) =>
        eb
          .selectFrom('meetings')
          .whereRef('meetings.sourceId', '=', 's.id')
          .where('meetings.retiredAt', 'is', null)
          .select(sql<number>`count(*)::int`.as('n'))
          .as('meetingCount'),
    ])
    .where('s.organizationId', '=', staff.facility.organizationId)
    .orderBy('s.name')
    .execute();
  const latest = await ctx.db
    .selectFrom('meetingImports')
    .distinctOn('sourceId')
    .select([
      'id',
      'sourceId',
      'status',
      'origin',
      'rowCount',
      'imported',
      'updated',
      'unchanged',
      'retired',
      'skipped',
      'error',
      'startedAt',
      'finishedAt',
    ])
    .where('organizationId', '=', staff.facility.organizationId)
    .orderBy('sourceId')
    .orderBy('startedAt', 'desc')
    .execute();
  const bySource = new Map(latest.map((run) => [run.sourceId, run]));
  return sources.map((s) => ({
    ...s,
    meetingCount: s.meetingCount ?? 0,
    lastImportedAt: s.lastImportedAt?.toISOString() ?? null,
    latestImport: (() => {
      const run = bySource.get(s.id);
      return run
        ? {
            ...run,
            startedAt: run.startedAt.toISOString(),
            finishedAt: run.finishedAt?.toISOString() ?? null,
          }
        : null;
    })(),
  }));
}

export async function createMeetingSource(
  ctx: Context,
  staff: StaffContext,
  input: MeetingSourceInput,
) {
  if (!isValidTimeZone(input.defaultTimeZone)) {
    refuseField('defaultTimeZone', 'Choose a time zone from the list, such as America/Chicago.');
  }
  const clash = await ctx.db
    .selectFrom('meetingSources')
    .select('id')
    .where('organizationId', '=', staff.facility.organizationId)
    .where(sql`lower(name)`, '=', input.name.toLowerCase())
    .executeTakeFirst();
  if (clash)
    refuseField('name', 'A feed with that name already exists. Give this one another name.');
  return ctx.db.transaction().execute(async (trx) => {
    const source = await trx
      .insertInto('meetingSources')
      .values({
        organizationId: staff.facility.organizationId,
        name: input.name,
        kind: input.kind,
        url: input.kind === 'upload' ? null : input.url,
        fellowship: input.fellowship,
        defaultTimeZone: input.defaultTimeZone,
        lastImportedAt: null,
        createdBy: staff.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'meeting_source',
      entityId: source.id,
      detail: { name: input.name, kind: input.kind, url: input.url },
    });
    return { sourceId: source.id };
  });
}

/** The full report of one import: what was added, updated, retired and every skipped row. */
export async function meetingImportReport(ctx: Context, staff: StaffContext, importId: string) {
  const run = await ctx.db
    .selectFrom('meetingImports as i')
    .innerJoin('meetingSources as s', 's.id', 'i.sourceId')
    .select([
      'i.id',
      'i.sourceId',
      's.name as sourceName',
      'i.status',
      'i.origin',
      'i.rowCount',
      'i.imported',
      'i.updated',
      'i.unchanged',
      'i.retired',
      'i.skipped',
      'i.report',
      'i.error',
      'i.startedAt',
      'i.finishedAt',
    ])
    .where('i.id', '=', importId)
    .where('i.organizationId', '=', staff.facility.organizationId)
    .executeTakeFirst();
  if (!run) throw new AppError('NOT_FOUND', 'No import with that link.');
  return {
    ...run,
    skippedRows: run.report.skippedRows ?? [],
    fixes: run.report.fixes ?? [],
    report: undefined,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** What the directory holds, for the search form's lists. */
export async function meetingFilterOptions(ctx: Context, staff: StaffContext) {
  const org = staff.facility.organizationId;
  const [regions, languages, types, total] = await Promise.all([
    sql<{ value: string; n: number }>`select r as value, count(*)::int as n
      from meetings, unnest(regions) as r
      where organization_id = ${org} and retired_at is null group by r order by r`.execute(ctx.db),
    sql<{ value: string; n: number }>`select l as value, count(*)::int as n
      from meetings, unnest(languages) as l
      where organization_id = ${org} and retired_at is null group by l order by n desc`.execute(
      ctx.db,
    ),
    sql<{ value: string; n: number }>`select t as value, count(*)::int as n
      from meetings, unnest(types) as t
      where organization_id = ${org} and retired_at is null group by t order by n desc`.execute(
      ctx.db,
    ),
    ctx.db
      .selectFrom('meetings')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organizationId', '=', org)
      .where('retiredAt', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    regions: regions.rows,
    languages: languages.rows,
    types: types.rows,
    meetingCount: total.n,
  };
}
