import type { OpenEmergencyAccessInput, ReviewEmergencyAccessInput } from '@homegroup/validators';
import { sql } from 'kysely';
import { recordStaffAction } from '../audit';
import { clientPage } from '../clients/client-page';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { containsPattern } from '../like-pattern';

/** How long emergency access to one record lasts. Long enough for a crisis, short enough to matter. */
export const EMERGENCY_ACCESS_MINUTES = 60;

const NO_CLIENT = 'No client with that link at this facility.';
export const NO_EMERGENCY_ACCESS =
  'You do not have emergency access to this record now. Open it again with a reason.';

/** Names and record numbers only, to find the person in an emergency; every search is audited. */
export async function findClientForEmergency(ctx: Context, staff: StaffContext, query: string) {
  const pattern = containsPattern(query);
  const rows = await ctx.db
    .selectFrom('clients')
    .select(['id', 'firstName', 'lastName', 'preferredName', 'recordNumber', 'status'])
    .where('facilityId', '=', staff.facility.id)
    .where((eb) =>
      eb.or([
        eb(sql<string>`first_name || ' ' || last_name`, 'ilike', pattern),
        eb('preferredName', 'ilike', pattern),
        eb('recordNumber', 'ilike', pattern),
      ]),
    )
    .orderBy('lastName')
    .orderBy('firstName')
    .limit(20)
    .execute();
  await recordStaffAction(ctx, staff, ctx.db, {
    action: 'read',
    entityType: 'emergency_client_search',
    detail: { query, results: rows.length },
  });
  return rows;
}

/**
 * Breaks the glass: opens one client's record to a staff member whose role does not reach it,
 * for a limited time, with a reason an admin will review. Audited.
 */
export async function openEmergencyAccess(
  ctx: Context,
  staff: StaffContext,
  input: OpenEmergencyAccessInput,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await trx
      .selectFrom('clients')
      .select('id')
      .where('id', '=', input.clientId)
      .where('facilityId', '=', staff.facility.id)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', NO_CLIENT);
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + EMERGENCY_ACCESS_MINUTES * 60_000);
    const grant = await trx
      .insertInto('emergencyAccessGrants')
      .values({
        facilityId: staff.facility.id,
        staffUserId: staff.userId,
        clientId: client.id,
        reason: input.reason,
        grantedAt: now,
        expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'execute',
      entityType: 'emergency_access',
      entityId: grant.id,
      clientId: client.id,
      detail: { reason: input.reason, expiresAt: expiresAt.toISOString() },
    });
    return { grantId: grant.id, expiresAt: expiresAt.toISOString() };
  });
}

/** The live grant of this staff member to this client, if any. */
async function liveGrant(ctx: Context, staff: StaffContext, clientId: string) {
  return ctx.db
    .selectFrom('emergencyAccessGrants')
    .select(['id', 'expiresAt', 'reason'])
    .where('facilityId', '=', staff.facility.id)
    .where('staffUserId', '=', staff.userId)
    .where('clientId', '=', clientId)
    .where('expiresAt', '>', ctx.now())
    .orderBy('expiresAt', 'desc')
    .executeTakeFirst();
}

/** The client's record, read-only, while the staff member's emergency access lasts. */
export async function emergencyClientRecord(ctx: Context, staff: StaffContext, clientId: string) {
  const grant = await liveGrant(ctx, staff, clientId);
  if (!grant) {
    await recordStaffAction(ctx, staff, ctx.db, {
      action: 'read',
      entityType: 'emergency_access',
      entityId: clientId,
      detail: { refused: 'no_live_grant' },
    });
    throw new AppError('FORBIDDEN', NO_EMERGENCY_ACCESS);
  }
  const page = await clientPage(ctx, staff, clientId, { emergencyAccessGrantId: grant.id });
  return {
    grant: { id: grant.id, expiresAt: grant.expiresAt.toISOString(), reason: grant.reason },
    page,
  };
}

/**
 * The admin's review queue: every emergency access at the facility, waiting ones first, with how
 * many times the record was read under it.
 */
export async function emergencyReviewQueue(ctx: Context, staff: StaffContext) {
  const rows = await ctx.db
    .selectFrom('emergencyAccessGrants as g')
    .innerJoin('staffUsers as s', 's.id', 'g.staffUserId')
    .innerJoin('clients as c', 'c.id', 'g.clientId')
    .leftJoin('staffUsers as r', 'r.id', 'g.reviewedByStaffUserId')
    .select((eb) => [
      'g.id',
      'g.reason',
      'g.grantedAt',
      'g.expiresAt',
      'g.reviewedAt',
      'g.reviewOutcome',
      'g.reviewNote',
      's.displayName as staffName',
      'c.id as clientId',
      'c.firstName',
      'c.lastName',
      'c.recordNumber',
      'r.displayName as reviewerName',
      eb
        .selectFrom('auditEvents as a')
        .select((a) => a.fn.countAll<string>().as('n'))
        .where('a.facilityId', '=', staff.facility.id)
        .whereRef('a.clientId', '=', 'g.clientId')
        .whereRef('a.actorStaffUserId', '=', 'g.staffUserId')
        .where('a.action', '=', 'read')
        .where(sql<boolean>`a.detail->>'emergencyAccessGrantId' = g.id::text`)
        .as('reads'),
    ])
    .where('g.facilityId', '=', staff.facility.id)
    .orderBy(sql`g.reviewed_at is null`, 'desc')
    .orderBy('g.grantedAt', 'desc')
    .limit(200)
    .execute();
  const now = ctx.now();
  return rows.map((r) => ({
    id: r.id,
    staffName: r.staffName,
    client: { id: r.clientId, name: `${r.firstName} ${r.lastName}`, recordNumber: r.recordNumber },
    reason: r.reason,
    grantedAt: r.grantedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    live: r.expiresAt > now,
    reads: Number(r.reads ?? 0),
    review: r.reviewedAt
      ? {
          at: r.reviewedAt.toISOString(),
          by: r.reviewerName,
          outcome: r.reviewOutcome,
          note: r.reviewNote,
        }
      : null,
  }));
}

/** An admin records their review of one emergency access; audited. A review is given once. */
export async function reviewEmergencyAccess(
  ctx: Context,
  staff: StaffContext,
  input: ReviewEmergencyAccessInput,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const grant = await trx
      .selectFrom('emergencyAccessGrants')
      .select(['id', 'clientId', 'staffUserId', 'reviewedAt'])
      .where('id', '=', input.grantId)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!grant)
      throw new AppError('NOT_FOUND', 'No emergency access with that link at this facility.');
    if (grant.reviewedAt)
      throw new AppError('CONFLICT', 'This emergency access has already been reviewed.');
    if (grant.staffUserId === staff.userId) {
      throw new AppError('FORBIDDEN', 'Another admin must review your own emergency access.');
    }
    await trx
      .updateTable('emergencyAccessGrants')
      .set({
        reviewedAt: ctx.now(),
        reviewedByStaffUserId: staff.userId,
        reviewOutcome: input.outcome,
        reviewNote: input.note ?? null,
      })
      .where('id', '=', grant.id)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'emergency_access',
      entityId: grant.id,
      clientId: grant.clientId,
      detail: { review: input.outcome, note: input.note ?? null },
    });
    return { reviewed: true };
  });
}
