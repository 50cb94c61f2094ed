import {
  addDays,
  dateInTimeZone,
  ENGAGEMENT_FLAG_RULES,
  engagementSummary,
  type FlagSettings,
  type IsoDate,
  summaryLookbackDays,
} from '@homegroup/core';
import type { Db, NewClientMetrics } from '@homegroup/db';
import { sql } from 'kysely';
import { flagSettingsFor } from './flag-settings';
import { type Facility, lastAttendedBefore, loadPersonSessions } from './load-person-sessions';

const BATCH = 500;

/**
 * Recomputes the stored engagement figures and flags of `clientIds` as of `today`, with the one
 * pure `engagementSummary`. Locks the clients' rows first (in id order), so a save that changes
 * their attendance and a refresh that reads it cannot interleave and store a stale figure.
 * Call inside a transaction.
 */
export async function recomputeClientMetrics(
  trx: Db,
  facility: Facility,
  clientIds: readonly string[],
  today: IsoDate,
  settings?: FlagSettings,
): Promise<void> {
  const ids = [...new Set(clientIds)];
  if (ids.length === 0) return;
  const flagSettings = settings ?? (await flagSettingsFor(trx, facility.id));
  for (let i = 0; i < ids.length; i += BATCH) {
    await recomputeBatch(trx, facility, ids.slice(i, i + BATCH), today, flagSettings);
  }
}

async function recomputeBatch(
  trx: Db,
  facility: Facility,
  ids: string[],
  today: IsoDate,
  settings: FlagSettings,
) {
  const clients = await trx
    .selectFrom('clients')
    .select(['id', 'status', 'admissionDate'])
    .where('facilityId', '=', facility.id)
    .where('id', 'in', ids)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  if (clients.length === 0) return;
  const from = addDays(today, -(summaryLookbackDays(settings) - 1));
  const sessions = await loadPersonSessions(
    trx,
    facility,
    clients.map((c) => c.id),
    from,
    today,
  );
  const summaries = clients.map((c) => ({
    client: c,
    summary: engagementSummary(sessions.get(c.id) ?? [], c, today, settings),
  }));
  const noneInWindow = summaries.filter((s) => s.summary.lastAttended === null);
  const earlier = await lastAttendedBefore(
    trx,
    facility,
    noneInWindow.map((s) => s.client.id),
    from,
  );

  const rows: NewClientMetrics[] = summaries.map(({ client, summary }) => ({
    clientId: client.id,
    facilityId: facility.id,
    asOf: today,
    attended: summary.attendance.numerator,
    expected: summary.attendance.denominator,
    attendanceRate: summary.attendance.value,
    shared: summary.participation.numerator,
    participationRecorded: summary.participation.denominator,
    participationRate: summary.participation.value,
    rated: summary.engagement.denominator,
    meanEngagement: summary.engagement.value,
    engagementTrend: summary.trend,
    lastAttended: summary.lastAttended ?? earlier.get(client.id) ?? null,
    flags: summary.flags.map((f) => f.rule),
  }));
  await trx
    .insertInto('clientMetrics')
    .values(rows)
    .onConflict((oc) =>
      oc.column('clientId').doUpdateSet((eb) => ({
        asOf: eb.ref('excluded.asOf'),
        attended: eb.ref('excluded.attended'),
        expected: eb.ref('excluded.expected'),
        attendanceRate: eb.ref('excluded.attendanceRate'),
        shared: eb.ref('excluded.shared'),
        participationRecorded: eb.ref('excluded.participationRecorded'),
        participationRate: eb.ref('excluded.participationRate'),
        rated: eb.ref('excluded.rated'),
        meanEngagement: eb.ref('excluded.meanEngagement'),
        engagementTrend: eb.ref('excluded.engagementTrend'),
        lastAttended: eb.ref('excluded.lastAttended'),
        flags: eb.ref('excluded.flags'),
        computedAt: sql`now()`,
      })),
    )
    .execute();

  // Flags: raise new ones, keep the reason of continuing ones current, clear the rest.
  const open = await trx
    .selectFrom('clientFlags')
    .select(['id', 'clientId', 'rule', 'reason'])
    .where('clientId', 'in', ids)
    .where('rule', 'in', ENGAGEMENT_FLAG_RULES)
    .where('clearedOn', 'is', null)
    .execute();
  const openByKey = new Map(open.map((f) => [`${f.clientId}:${f.rule}`, f]));
  const toRaise = [];
  const holding = new Set<string>();
  for (const { client, summary } of summaries) {
    for (const flag of summary.flags) {
      const key = `${client.id}:${flag.rule}`;
      holding.add(key);
      const existing = openByKey.get(key);
      if (!existing) {
        toRaise.push({
          clientId: client.id,
          facilityId: facility.id,
          rule: flag.rule,
          reason: flag.reason,
          raisedOn: today,
        });
      } else if (existing.reason !== flag.reason) {
        await trx
          .updateTable('clientFlags')
          .set({ reason: flag.reason })
          .where('id', '=', existing.id)
          .execute();
      }
    }
  }
  if (toRaise.length > 0) await trx.insertInto('clientFlags').values(toRaise).execute();
  const cleared = open.filter((f) => !holding.has(`${f.clientId}:${f.rule}`)).map((f) => f.id);
  if (cleared.length > 0) {
    await trx
      .updateTable('clientFlags')
      .set({ clearedOn: today })
      .where('id', 'in', cleared)
      .execute();
  }
}

/** The facility's calendar date at `now`. */
export function facilityToday(facility: Facility, now: Date): IsoDate {
  return dateInTimeZone(now, facility.timeZone);
}

/**
 * Brings every client's stored figures up to `today`: the windows move each day even when nothing
 * is saved. Cheap when already fresh (one indexed count); otherwise in batches, one transaction each.
 */
export async function refreshStaleMetrics(
  db: Db,
  facility: Facility,
  today: IsoDate,
): Promise<number> {
  const stale = await db
    .selectFrom('clients as c')
    .leftJoin('clientMetrics as m', 'm.clientId', 'c.id')
    .select('c.id')
    .where('c.facilityId', '=', facility.id)
    .where((eb) => eb.or([eb('m.asOf', 'is', null), eb('m.asOf', '<', today)]))
    .execute();
  if (stale.length === 0) return 0;
  const settings = await flagSettingsFor(db, facility.id);
  const ids = stale.map((r) => r.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    await db
      .transaction()
      .execute((trx) =>
        recomputeClientMetrics(trx, facility, ids.slice(i, i + BATCH), today, settings),
      );
  }
  return ids.length;
}

/** After the thresholds change every stored figure is out of date: recompute on the next read. */
export async function markMetricsStale(trx: Db, facilityId: string): Promise<void> {
  await trx
    .updateTable('clientMetrics')
    .set({ asOf: '1970-01-01' })
    .where('facilityId', '=', facilityId)
    .execute();
}
