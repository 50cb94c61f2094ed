import {
  addDays,
  DEFAULT_MILESTONES,
  FELLOWSHIPS,
  formatMilestones,
  type IsoDate,
  type MilestoneSet,
  milestonesBetween,
  naKeytag,
  parseMilestones,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { MilestoneSetInput } from '@homegroup/validators';
import { recordAudit, recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { facilityToday } from '../engagement/client-metrics';
import { refuseField } from '../errors';

function parsedOrDefault(text: string): MilestoneSet {
  const result = parseMilestones(text);
  if ('set' in result) return result.set;
  const fallback = parseMilestones(DEFAULT_MILESTONES);
  if ('set' in fallback) return fallback.set;
  throw new Error('The default milestone set does not parse.');
}

/** A facility's milestone sets as staff wrote them, one per fellowship, `default` first. */
export async function milestoneSetTexts(db: Db, facilityId: string) {
  const rows = await db
    .selectFrom('milestoneSets')
    .select(['fellowship', 'milestones'])
    .where('facilityId', '=', facilityId)
    .execute();
  const saved = new Map(rows.map((r) => [r.fellowship, r.milestones]));
  return ['default', ...Object.keys(FELLOWSHIPS)].map((fellowship) => ({
    fellowship,
    milestones: saved.get(fellowship) ?? null,
    /** What applies: the fellowship's own set, else the facility's default, else the common set. */
    effective: saved.get(fellowship) ?? saved.get('default') ?? DEFAULT_MILESTONES,
  }));
}

/** The set that applies to a client who prefers `fellowship`. */
export async function milestoneSetResolver(db: Db, facilityId: string) {
  const texts = await milestoneSetTexts(db, facilityId);
  const sets = new Map(texts.map((t) => [t.fellowship, parsedOrDefault(t.effective)]));
  const fallback = sets.get('default') as MilestoneSet;
  return (fellowship: string | null) => (fellowship && sets.get(fellowship)) || fallback;
}

export async function updateMilestoneSet(
  ctx: Context,
  staff: StaffContext,
  input: MilestoneSetInput,
) {
  // An empty list for a fellowship means "use the facility's default".
  if (input.milestones === '' && input.fellowship !== 'default') {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('milestoneSets')
        .where('facilityId', '=', staff.facility.id)
        .where('fellowship', '=', input.fellowship)
        .execute();
      await recordStaffAction(ctx, staff, trx, {
        action: 'update',
        entityType: 'milestone_set',
        entityId: input.fellowship,
        detail: { milestones: null },
      });
    });
    return { fellowship: input.fellowship, milestones: null };
  }
  const parsed = parseMilestones(input.milestones);
  if ('problem' in parsed) return refuseField('milestones', parsed.problem);
  const text = formatMilestones(parsed.set);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('milestoneSets')
      .values({ facilityId: staff.facility.id, fellowship: input.fellowship, milestones: text })
      .onConflict((oc) =>
        oc
          .columns(['facilityId', 'fellowship'])
          .doUpdateSet({ milestones: text, updatedAt: ctx.now() }),
      )
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'milestone_set',
      entityId: input.fellowship,
      detail: { milestones: text },
    });
  });
  return { fellowship: input.fellowship, milestones: text };
}

/**
 * Milestones reached in the next 7 days (today included) by clients in treatment, or by the
 * counselor's own clients, so staff can celebrate them in group. Names shown are audited.
 */
export async function upcomingMilestones(
  ctx: Context,
  staff: StaffContext,
  input: { mine: boolean },
) {
  const today: IsoDate = facilityToday(staff.facility, ctx.now());
  const to = addDays(today, 6);
  let q = ctx.db
    .selectFrom('clients')
    .select(['id', 'firstName', 'lastName', 'preferredName', 'sobrietyDate', 'preferredFellowship'])
    .where('facilityId', '=', staff.facility.id)
    .where('status', '=', 'in_treatment')
    .where('sobrietyDate', 'is not', null);
  if (input.mine) q = q.where('counselorStaffId', '=', staff.userId);
  const [clients, setFor] = await Promise.all([
    q.execute(),
    milestoneSetResolver(ctx.db, staff.facility.id),
  ]);
  const upcoming = clients.flatMap((c) =>
    milestonesBetween(c.sobrietyDate as string, setFor(c.preferredFellowship), today, to).map(
      (m) => ({
        clientId: c.id,
        name: `${c.preferredName ?? c.firstName} ${c.lastName}`,
        label: m.label,
        date: m.date,
        keytag: c.preferredFellowship === 'na' ? naKeytag(m.milestone) : null,
      }),
    ),
  );
  upcoming.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name),
  );
  if (upcoming.length > 0) {
    await recordAudit(ctx.db, {
      action: 'read',
      entityType: 'upcoming_milestones',
      actorStaffUserId: staff.userId,
      facilityId: staff.facility.id,
      outcome: 'success',
      sourceIp: ctx.request.ip,
      detail: { clientIds: [...new Set(upcoming.map((u) => u.clientId))] },
    });
  }
  return { from: today, to, upcoming };
}
