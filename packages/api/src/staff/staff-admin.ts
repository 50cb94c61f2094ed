import { ROLE_LABELS, type Role } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { CreateStaffInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import { checkNewPassword } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField } from '../errors';

const NOT_HERE = 'No staff member with that link works at this facility.';

/** The staff of the admin's facility: role, whether their account is on, two-step sign-in, last sign-in. */
export async function listStaff(ctx: Context, staff: StaffContext) {
  const rows = await ctx.db
    .selectFrom('staffRoles as r')
    .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
    .select((eb) => [
      'u.id',
      'u.displayName',
      'u.email',
      'u.isActive',
      'u.disabledAt',
      'u.totpEnabledAt',
      'r.role',
      eb
        .selectFrom('authSessions as s')
        .select((s) => s.fn.max('s.createdAt').as('at'))
        .whereRef('s.staffUserId', '=', 'u.id')
        .where('s.facilityId', '=', staff.facility.id)
        .as('lastSignInAt'),
    ])
    .where('r.facilityId', '=', staff.facility.id)
    .orderBy('u.displayName')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    email: r.email,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role],
    active: r.isActive,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    twoFactor: r.totpEnabledAt !== null,
    lastSignInAt: r.lastSignInAt ? new Date(r.lastSignInAt).toISOString() : null,
    you: r.id === staff.userId,
  }));
}

async function memberHere(db: Db, staff: StaffContext, staffUserId: string) {
  const row = await db
    .selectFrom('staffRoles as r')
    .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
    .select(['u.id', 'u.displayName', 'u.isActive', 'r.role'])
    .where('r.facilityId', '=', staff.facility.id)
    .where('r.staffUserId', '=', staffUserId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', NOT_HERE);
  return row;
}

/**
 * An admin never changes their own account here, so the facility always keeps the admin making
 * the change (no lock-out by one's own hand).
 */
function refuseSelf(staff: StaffContext, staffUserId: string, what: string) {
  if (staffUserId === staff.userId) {
    throw new AppError('FORBIDDEN', `You cannot ${what} your own account. Ask another admin.`);
  }
}

/**
 * An admin adds a staff member at their facility with a temporary password (which must meet the
 * policy) that they hand over in person.
 */
export async function createStaff(ctx: Context, staff: StaffContext, input: CreateStaffInput) {
  checkNewPassword('temporaryPassword', input.temporaryPassword, input);
  const passwordHash = await hashPassword(input.temporaryPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('staffUsers')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (existing) refuseField('email', 'An account with that e-mail address already exists.');
    const now = ctx.now();
    const user = await trx
      .insertInto('staffUsers')
      .values({
        organizationId: staff.facility.organizationId,
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        passwordChangedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('staffRoles')
      .values({
        staffUserId: user.id,
        facilityId: staff.facility.id,
        role: input.role,
        grantedAt: now,
      })
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'staff_user',
      entityId: user.id,
      detail: { email: input.email, role: input.role },
    });
    return { id: user.id };
  });
}

/** An admin changes a staff member's role at this facility; audited with the role before and after. */
export async function setStaffRole(
  ctx: Context,
  staff: StaffContext,
  input: { staffUserId: string; role: Role },
) {
  refuseSelf(staff, input.staffUserId, 'change the role of');
  return ctx.db.transaction().execute(async (trx) => {
    const member = await memberHere(trx, staff, input.staffUserId);
    if (member.role === input.role) return { changed: false };
    await trx
      .updateTable('staffRoles')
      .set({ role: input.role, grantedAt: ctx.now() })
      .where('staffUserId', '=', member.id)
      .where('facilityId', '=', staff.facility.id)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'staff_role',
      entityId: member.id,
      detail: { before: member.role, after: input.role },
    });
    return { changed: true };
  });
}

/**
 * An admin turns an account off or on. Turning it off ends every session it has at once: the
 * database marks them ended here, and a session anywhere else is refused at its next request
 * because the account is off.
 */
export async function setStaffActive(
  ctx: Context,
  staff: StaffContext,
  input: { staffUserId: string; active: boolean },
) {
  refuseSelf(staff, input.staffUserId, input.active ? 'enable' : 'disable');
  return ctx.db.transaction().execute(async (trx) => {
    const member = await memberHere(trx, staff, input.staffUserId);
    if (member.isActive === input.active) return { changed: false, sessionsEnded: 0 };
    const now = ctx.now();
    await trx
      .updateTable('staffUsers')
      .set(
        input.active
          ? { isActive: true, disabledAt: null, disabledByStaffUserId: null, updatedAt: now }
          : {
              isActive: false,
              disabledAt: now,
              disabledByStaffUserId: staff.userId,
              updatedAt: now,
            },
      )
      .where('id', '=', member.id)
      .execute();
    const ended = input.active
      ? []
      : await trx
          .updateTable('authSessions')
          .set({ endedAt: now, endReason: 'revoked' })
          .where('staffUserId', '=', member.id)
          .where('endedAt', 'is', null)
          .returning('id')
          .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: member.id,
      detail: {
        change: input.active ? 'account_enabled' : 'account_disabled',
        sessionsEnded: ended.length,
      },
    });
    return { changed: true, sessionsEnded: ended.length };
  });
}

/** An admin clears a staff member's two-step sign-in (a lost phone); they set it up again. */
export async function resetStaffTwoFactor(
  ctx: Context,
  staff: StaffContext,
  input: { staffUserId: string },
) {
  refuseSelf(staff, input.staffUserId, 'reset two-step sign-in of');
  return ctx.db.transaction().execute(async (trx) => {
    const member = await memberHere(trx, staff, input.staffUserId);
    const now = ctx.now();
    const reset = await trx
      .updateTable('staffUsers')
      .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null, updatedAt: now })
      .where('id', '=', member.id)
      .where('totpEnabledAt', 'is not', null)
      .executeTakeFirst();
    if (reset.numUpdatedRows === 0n) {
      throw new AppError('CONFLICT', `${member.displayName} does not use two-step sign-in.`);
    }
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: member.id,
      detail: { change: 'two_factor_reset' },
    });
    return { reset: true };
  });
}
