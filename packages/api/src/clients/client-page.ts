import {
  addDays,
  daysInTreatment,
  daysSober,
  engagementCharts,
  engagementSummary,
  naKeytag,
  nextMilestone,
  weekStart,
} from '@homegroup/core';
import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { facilityToday } from '../engagement/client-metrics';
import { flagSettingsFor } from '../engagement/flag-settings';
import { lastAttendedBefore, loadPersonSessions } from '../engagement/load-person-sessions';
import { AppError } from '../errors';
import { CLIENT_RECORD_COLUMNS } from './client-columns';
import { milestoneSetResolver } from './milestones';

const CHART_WEEKS = 12;

/**
 * Everything the client page shows, in one request: the record, the engagement figures and
 * charts (computed by the same pure functions as the caseload), flags, step work, goals, support
 * and family. One audited read naming the client; another facility's client is "not found".
 */
export async function clientPage(
  ctx: Context,
  staff: StaffContext,
  clientId: string,
  /** Added to the read's audit event, e.g. the emergency access that allowed it. */
  auditDetail: Record<string, unknown> = {},
) {
  const facility = staff.facility;
  const client = await ctx.db
    .selectFrom('clients as c')
    .leftJoin('staffUsers as s', 's.id', 'c.counselorStaffId')
    .select(CLIENT_RECORD_COLUMNS.map((col) => `c.${col}` as const))
    .select('s.displayName as counselorName')
    .where('c.id', '=', clientId)
    .where('c.facilityId', '=', facility.id)
    .executeTakeFirst();
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'client_page',
    entityId: clientId,
    clientId: client ? clientId : null,
    actorStaffUserId: staff.userId,
    facilityId: facility.id,
    outcome: client ? 'success' : 'failure',
    sourceIp: ctx.request.ip,
    detail: client ? auditDetail : { ...auditDetail, requestedClientId: clientId },
  });
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');

  const today = facilityToday(facility, ctx.now());
  const from = addDays(weekStart(today), -7 * (CHART_WEEKS - 1));
  const [settings, sessionsBy, steps, goals, notes, family, flags, setFor] = await Promise.all([
    flagSettingsFor(ctx.db, facility.id),
    loadPersonSessions(ctx.db, facility, [client.id], from, today),
    ctx.db
      .selectFrom('stepWork')
      .select(['step', 'status', 'startedOn', 'completedOn'])
      .where('clientId', '=', client.id)
      .execute(),
    ctx.db
      .selectFrom('clientGoals')
      .select(['id', 'text', 'targetDate', 'status', 'createdAt'])
      .where('clientId', '=', client.id)
      .orderBy('createdAt')
      .execute(),
    ctx.db
      .selectFrom('goalNotes as n')
      .innerJoin('clientGoals as g', 'g.id', 'n.goalId')
      .innerJoin('staffUsers as s', 's.id', 'n.authorStaffId')
      .select([
        'n.id',
        'n.goalId',
        'n.note',
        'n.statusAfter',
        'n.createdAt',
        's.displayName as author',
      ])
      .where('g.clientId', '=', client.id)
      .orderBy('n.createdAt')
      .execute(),
    ctx.db
      .selectFrom('familyMembers')
      .select(['id', 'firstName', 'lastName', 'preferredName', 'relationship'])
      .where('clientId', '=', client.id)
      .orderBy('lastName')
      .execute(),
    ctx.db
      .selectFrom('clientFlags as f')
      .leftJoin('staffUsers as s', 's.id', 'f.acknowledgedBy')
      .select([
        'f.id',
        'f.rule',
        'f.reason',
        'f.raisedOn',
        'f.clearedOn',
        'f.acknowledgedAt',
        'f.acknowledgementNote',
        's.displayName as acknowledgedByName',
      ])
      .where('f.clientId', '=', client.id)
      .where((eb) =>
        eb.or([eb('f.clearedOn', 'is', null), eb('f.clearedOn', '>=', addDays(today, -90))]),
      )
      .orderBy('f.raisedOn', 'desc')
      .execute(),
    milestoneSetResolver(ctx.db, facility.id),
  ]);
  const sessions = sessionsBy.get(client.id) ?? [];
  let summary = engagementSummary(sessions, client, today, settings);
  if (summary.lastAttended === null) {
    const earlier = await lastAttendedBefore(ctx.db, facility, [client.id], from);
    summary = { ...summary, lastAttended: earlier.get(client.id) ?? null };
  }
  const set = setFor(client.preferredFellowship);
  const next = client.sobrietyDate ? nextMilestone(client.sobrietyDate, set, today) : null;
  const notesBy = new Map<string, typeof notes>();
  for (const n of notes) notesBy.set(n.goalId, [...(notesBy.get(n.goalId) ?? []), n]);

  return {
    today,
    client: {
      ...client,
      daysInTreatment: daysInTreatment(client.admissionDate, client.dischargeDate, today),
      daysSober: client.sobrietyDate ? daysSober(client.sobrietyDate, today) : null,
      nextMilestone: next && {
        label: next.label,
        date: next.date,
        keytag: client.preferredFellowship === 'na' ? naKeytag(next.milestone) : null,
      },
    },
    settings,
    summary,
    charts: engagementCharts(sessions, today, CHART_WEEKS),
    flags: flags.map((f) => ({ ...f, acknowledgedAt: f.acknowledgedAt?.toISOString() ?? null })),
    steps: Array.from({ length: 12 }, (_, i) => {
      const row = steps.find((s) => s.step === i + 1);
      return {
        step: i + 1,
        status: row?.status ?? ('not_started' as const),
        startedOn: row?.startedOn ?? null,
        completedOn: row?.completedOn ?? null,
      };
    }),
    goals: goals.map((g) => ({
      ...g,
      createdAt: g.createdAt.toISOString(),
      notes: (notesBy.get(g.id) ?? []).map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    })),
    family,
  };
}
