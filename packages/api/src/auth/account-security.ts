import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField } from '../errors';
import { checkNewPassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { acceptedTotpStep, newTotpSecret, totpEnrolment } from './totp';

const WRONG_CURRENT_PASSWORD = 'That is not your current password.';

async function account(ctx: Context, staff: StaffContext) {
  return ctx.db
    .selectFrom('staffUsers')
    .select([
      'id',
      'email',
      'displayName',
      'passwordHash',
      'totpSecret',
      'totpEnabledAt',
      'totpLastStep',
    ])
    .where('id', '=', staff.userId)
    .executeTakeFirstOrThrow();
}

/** Whether the staff member must use two-step sign-in anywhere they are an admin. */
async function twoFactorRequiredFor(ctx: Context, staffUserId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('staffRoles as r')
    .innerJoin('facilitySettings as fs', 'fs.facilityId', 'r.facilityId')
    .select('r.facilityId')
    .where('r.staffUserId', '=', staffUserId)
    .where('r.role', '=', 'admin')
    .where('fs.requireAdminTwoFactor', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** What the account screen shows about two-step sign-in. */
export async function twoFactorStatus(ctx: Context, staff: StaffContext) {
  const user = await account(ctx, staff);
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    required: await twoFactorRequiredFor(ctx, staff.userId),
  };
}

/**
 * A staff member changes their own password: the current one first, then the policy. Their other
 * sessions end, so a password changed because it leaked shuts out whoever had it.
 */
export async function changePassword(
  ctx: Context,
  staff: StaffContext,
  input: { currentPassword: string; newPassword: string },
) {
  const user = await account(ctx, staff);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    refuseField('currentPassword', WRONG_CURRENT_PASSWORD);
  }
  checkNewPassword('newPassword', input.newPassword, user);
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    refuseField('newPassword', 'That is your current password. Choose a new one.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    await trx
      .updateTable('staffUsers')
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where('id', '=', staff.userId)
      .execute();
    const ended = await trx
      .updateTable('authSessions')
      .set({ endedAt: now, endReason: 'revoked' })
      .where('staffUserId', '=', staff.userId)
      .where('endedAt', 'is', null)
      .where('id', '!=', staff.sessionId)
      .returning('id')
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: staff.userId,
      detail: { change: 'password_changed', otherSessionsEnded: ended.length },
    });
    return { otherSessionsEnded: ended.length };
  });
}

/**
 * Starts setting up two-step sign-in: a new secret, shown once as a QR code and as text. It is
 * not trusted until a code from it is confirmed.
 */
export async function startTwoFactor(ctx: Context, staff: StaffContext) {
  const user = await account(ctx, staff);
  if (user.totpEnabledAt) {
    throw new AppError(
      'CONFLICT',
      'Two-step sign-in is already on. Turn it off first to move it to a new phone.',
    );
  }
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('staffUsers')
    .set({ totpSecret: secret, totpLastStep: null })
    .where('id', '=', staff.userId)
    .execute();
  return totpEnrolment(secret, user.email);
}

/** Confirms set-up with a code from the new secret, which turns two-step sign-in on. */
export async function confirmTwoFactor(ctx: Context, staff: StaffContext, input: { code: string }) {
  const user = await account(ctx, staff);
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-step sign-in is already on.');
  if (!user.totpSecret) {
    throw new AppError('BAD_INPUT', 'Start setting up two-step sign-in first.');
  }
  const step = acceptedTotpStep(user.totpSecret, input.code, ctx.now(), null);
  if (step === null) {
    refuseField(
      'code',
      'That code does not match. Check the time on your phone is set automatically, then enter the newest code.',
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    await trx
      .updateTable('staffUsers')
      .set({ totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where('id', '=', staff.userId)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: staff.userId,
      detail: { change: 'two_factor_on' },
    });
    return { enabled: true };
  });
}

/** Turns two-step sign-in off, with the password; not while an admin's facility requires it. */
export async function turnOffTwoFactor(
  ctx: Context,
  staff: StaffContext,
  input: { currentPassword: string },
) {
  const user = await account(ctx, staff);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    refuseField('currentPassword', WRONG_CURRENT_PASSWORD);
  }
  if (!user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-step sign-in is already off.');
  if (await twoFactorRequiredFor(ctx, staff.userId)) {
    throw new AppError(
      'FORBIDDEN',
      'A facility where you are an admin requires two-step sign-in, so it cannot be turned off. To move it to a new phone, ask another admin to reset it.',
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    await trx
      .updateTable('staffUsers')
      .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null, updatedAt: now })
      .where('id', '=', staff.userId)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: staff.userId,
      detail: { change: 'two_factor_off' },
    });
    return { enabled: false };
  });
}
