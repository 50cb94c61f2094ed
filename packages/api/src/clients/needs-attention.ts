import { FLAG_RULES } from '@homegroup/core';
import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { facilityToday, refreshStaleMetrics } from '../engagement/client-metrics';

/** Open flags nobody has acknowledged: a counselor's own clients, or the whole facility. */
export async function needsAttention(ctx: Context, staff: StaffContext, input: { mine: boolean }) {
  await refreshStaleMetrics(ctx.db, staff.facility, facilityToday(staff.facility, ctx.now()));
  let q = ctx.db
    .selectFrom('clientFlags as f')
    .innerJoin('clients as c', 'c.id', 'f.clientId')
    .leftJoin('staffUsers as s', 's.id', 'c.counselorStaffId')
    .select([
      'f.id',
      'f.rule',
      'f.reason',
      'f.raisedOn',
      'c.id as clientId',
      'c.firstName',
      'c.lastName',
      'c.preferredName',
      's.displayName as counselorName',
    ])
    .where('f.facilityId', '=', staff.facility.id)
    .where('f.clearedOn', 'is', null)
    .where('f.acknowledgedAt', 'is', null);
  if (input.mine) q = q.where('c.counselorStaffId', '=', staff.userId);
  const rows = await q.orderBy('f.raisedOn').orderBy('c.lastName').limit(200).execute();
  if (rows.length > 0) {
    await recordAudit(ctx.db, {
      action: 'read',
      entityType: 'needs_attention',
      actorStaffUserId: staff.userId,
      facilityId: staff.facility.id,
      outcome: 'success',
      sourceIp: ctx.request.ip,
      detail: { clientIds: [...new Set(rows.map((r) => r.clientId))] },
    });
  }
  return rows.map((r) => ({
    flagId: r.id,
    rule: r.rule,
    ruleLabel: FLAG_RULES[r.rule],
    reason: r.reason,
    raisedOn: r.raisedOn,
    clientId: r.clientId,
    name: `${r.preferredName ?? r.firstName} ${r.lastName}`,
    counselorName: r.counselorName,
  }));
}
