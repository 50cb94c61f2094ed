import { type FeedFix, normaliseFeed, parseFeedText, type SkippedRow } from '@homegroup/core';
import type { Db, NewMeeting } from '@homegroup/db';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { feedAddress, fetchFeedText } from './fetch-feed';
import { meetingRow } from './meeting-rows';

export type ImportPhase = 'fetching' | 'reading' | 'saving';
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportReport {
  importId: string;
  sourceId: string;
  sourceName: string;
  rowCount: number;
  imported: number;
  updated: number;
  unchanged: number;
  retired: number;
  skipped: number;
  skippedRows: SkippedRow[];
  fixes: FeedFix[];
  finishedAt: string;
}

const BATCH = 500;
/** The report keeps every skipped row up to this many; the count is always exact. */
const REPORTED_SKIPS = 2_000;
const STALE_RUN_MS = 15 * 60_000;

async function loadSource(db: Db, staff: StaffContext, sourceId: string) {
  const source = await db
    .selectFrom('meetingSources')
    .selectAll()
    .where('id', '=', sourceId)
    .where('organizationId', '=', staff.facility.organizationId)
    .executeTakeFirst();
  if (!source) throw new AppError('NOT_FOUND', 'No meeting feed with that link.');
  if (source.kind === 'manual') {
    throw new AppError(
      'BAD_INPUT',
      'Meetings entered by hand are edited one by one, not imported.',
    );
  }
  return source;
}

/**
 * Imports one feed into the directory: new meetings are added, changed ones updated by
 * (source, slug), meetings no longer in the feed retired. Everything is written in one
 * transaction, so a failure leaves the directory exactly as it was. Each attempt, failed or not,
 * is kept in `meeting_imports` with its report.
 */
export async function importMeetingFeed(
  ctx: Context,
  staff: StaffContext,
  input: { sourceId: string; text: string | null },
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportReport> {
  const source = await loadSource(ctx.db, staff, input.sourceId);
  if (input.text === null && !source.url) {
    throw new AppError('BAD_INPUT', 'This feed is uploaded as a file: choose the file to import.');
  }
  const running = await ctx.db
    .selectFrom('meetingImports')
    .select('id')
    .where('sourceId', '=', source.id)
    .where('status', '=', 'running')
    .where('startedAt', '>', new Date(ctx.now().getTime() - STALE_RUN_MS))
    .executeTakeFirst();
  if (running) {
    throw new AppError('CONFLICT', 'This feed is being imported right now. Wait for it to finish.');
  }
  const run = await ctx.db
    .insertInto('meetingImports')
    .values({
      sourceId: source.id,
      organizationId: source.organizationId,
      origin: input.text === null ? 'url' : 'upload',
      status: 'running',
      rowCount: null,
      error: null,
      startedBy: staff.userId,
      startedAt: ctx.now(),
      finishedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  try {
    let text = input.text;
    if (text === null) {
      onProgress({ phase: 'fetching', done: 0, total: 0 });
      text = await fetchFeedText(feedAddress(source.kind, source.url ?? ''));
    }
    const parsed = parseFeedText(text);
    if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.message);
    onProgress({ phase: 'reading', done: 0, total: parsed.rows.length });
    const feed = normaliseFeed(parsed.rows, { now: ctx.now() });
    if (feed.meetings.length === 0) {
      throw new AppError(
        'BAD_INPUT',
        `None of the feed's ${feed.rowCount} rows could be used (the first reason: ${feed.skipped[0]?.reason ?? 'unknown'}). The directory was left as it was.`,
      );
    }
    const rows = feed.meetings.map((m) => meetingRow(m, source));
    const counts = await ctx.db.transaction().execute(async (trx) => {
      // One import of a source at a time, even across servers.
      await trx
        .selectFrom('meetingSources')
        .select('id')
        .where('id', '=', source.id)
        .forNoKeyUpdate()
        .execute();
      const result = await writeMeetings(trx, source.id, rows, ctx.now(), (done) =>
        onProgress({ phase: 'saving', done, total: rows.length }),
      );
      await trx
        .updateTable('meetingImports')
        .set({
          status: 'succeeded',
          rowCount: feed.rowCount,
          ...result,
          skipped: feed.skipped.length,
          report: JSON.stringify({
            skippedRows: feed.skipped.slice(0, REPORTED_SKIPS),
            fixes: feed.fixes,
          }) as never,
          finishedAt: ctx.now(),
        })
        .where('id', '=', run.id)
        .execute();
      await trx
        .updateTable('meetingSources')
        .set({ lastImportedAt: ctx.now() })
        .where('id', '=', source.id)
        .execute();
      await recordStaffAction(ctx, staff, trx, {
        action: 'execute',
        entityType: 'meeting_import',
        entityId: run.id,
        detail: { sourceId: source.id, ...result, skipped: feed.skipped.length },
      });
      return result;
    });
    return {
      importId: run.id,
      sourceId: source.id,
      sourceName: source.name,
      rowCount: feed.rowCount,
      ...counts,
      skipped: feed.skipped.length,
      skippedRows: feed.skipped.slice(0, REPORTED_SKIPS),
      fixes: feed.fixes,
      finishedAt: ctx.now().toISOString(),
    };
  } catch (err) {
    const message =
      err instanceof AppError
        ? err.message
        : 'The import failed on our side. The directory was left as it was.';
    await ctx.db
      .updateTable('meetingImports')
      .set({ status: 'failed', error: message, finishedAt: ctx.now() })
      .where('id', '=', run.id)
      .execute();
    throw err instanceof AppError ? err : new AppError('BAD_INPUT', message);
  }
}

/** Upserts by (source, slug) in batches and retires what vanished; returns the counts. */
async function writeMeetings(
  trx: Db,
  sourceId: string,
  rows: NewMeeting[],
  now: Date,
  progress: (done: number) => void,
) {
  const existing = await trx
    .selectFrom('meetings')
    .select(['id', 'slug', 'contentHash', 'retiredAt'])
    .where('sourceId', '=', sourceId)
    .execute();
  const bySlug = new Map(existing.map((m) => [m.slug, m]));
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  const toWrite: NewMeeting[] = [];
  for (const row of rows) {
    const before = bySlug.get(row.slug);
    if (!before) {
      imported += 1;
      toWrite.push(row);
    } else if (before.contentHash !== row.contentHash || before.retiredAt !== null) {
      updated += 1;
      toWrite.push(row);
    } else {
      unchanged += 1;
    }
  }
  progress(unchanged);
  for (let start = 0; start < toWrite.length; start += BATCH) {
    const batch = toWrite.slice(start, start + BATCH).map((row) => ({ ...row, updatedAt: now }));
    await trx
      .insertInto('meetings')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['sourceId', 'slug']).doUpdateSet((eb) => {
          const keep = new Set(['sourceId', 'slug', 'organizationId']);
          const set: Record<string, unknown> = {};
          for (const column of Object.keys(batch[0] ?? {})) {
            if (!keep.has(column)) set[column] = eb.ref(`excluded.${column}` as 'excluded.name');
          }
          return set as never;
        }),
      )
      .execute();
    progress(unchanged + Math.min(toWrite.length, start + BATCH));
  }
  const present = new Set(rows.map((r) => r.slug));
  const vanished = existing
    .filter((m) => m.retiredAt === null && !present.has(m.slug))
    .map((m) => m.id);
  for (let start = 0; start < vanished.length; start += BATCH) {
    await trx
      .updateTable('meetings')
      .set({ retiredAt: now, updatedAt: now })
      .where('id', 'in', vanished.slice(start, start + BATCH))
      .execute();
  }
  return { imported, updated, unchanged, retired: vanished.length };
}
