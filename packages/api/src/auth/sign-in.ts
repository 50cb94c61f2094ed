import { lockedUntil, lockoutLookbackStart } from '@homegroup/core';
import type { SignInInput } from '@homegroup/validators';
import { recordAudit } from '../audit';
import type { Context } from '../context';
import { AppError } from '../errors';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import { hashSessionToken, newSessionToken } from './tokens';

export const WRONG_CREDENTIALS = 'That e-mail address and password do not match an account.';

function lockedMessage(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `This account is locked after too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an admin to help.`;
}

/** Failed attempts that still count: inside the look-back window and after the last success. */
async function recentFailures(ctx: Context, email: string, now: Date): Promise<Date[]> {
  const attempts = await ctx.db
    .selectFrom('signInAttempts')
    .select(['succeeded', 'attemptedAt'])
    .where('email', '=', email)
    .where('attemptedAt', '>=', lockoutLookbackStart(now, ctx.settings.lockout))
    .orderBy('attemptedAt', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const lastSuccess = attempts.findLastIndex((a) => a.succeeded);
  return attempts.slice(lastSuccess + 1).map((a) => a.attemptedAt);
}

/**
 * Signs a staff member in: checks the lock-out, the password and that they work somewhere, then
 * opens a server-side session and sets its cookie. The same message answers a wrong e-mail and a
 * wrong password.
 */
export async function signIn(ctx: Context, input: SignInInput) {
  const now = ctx.now();
  const email = input.email.trim().toLowerCase();
  const ip = ctx.request.ip;

  const lock = lockedUntil(await recentFailures(ctx, email, now), now, ctx.settings.lockout);
  const user = await ctx.db
    .selectFrom('staffUsers')
    .select(['id', 'passwordHash', 'isActive'])
    .where('email', '=', email)
    .executeTakeFirst();

  const auditFailure = (reason: string) =>
    recordAudit(ctx.db, {
      action: 'sign_in',
      entityType: 'staff_user',
      entityId: user?.id ?? null,
      actorStaffUserId: user?.id ?? null,
      outcome: 'failure',
      sourceIp: ip,
      detail: { email, reason },
    });

  if (lock) {
    await auditFailure('locked');
    throw new AppError('LOCKED', lockedMessage(lock, now));
  }

  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstNothing(input.password);
  const roles =
    user && passwordOk && user.isActive
      ? await ctx.db
          .selectFrom('staffRoles')
          .innerJoin('facilities', 'facilities.id', 'staffRoles.facilityId')
          .select(['staffRoles.facilityId'])
          .where('staffRoles.staffUserId', '=', user.id)
          .orderBy('facilities.name')
          .execute()
      : [];
  const firstFacility = roles[0];

  if (!user || !passwordOk || !user.isActive || !firstFacility) {
    const reason = !user
      ? 'unknown_email'
      : !passwordOk
        ? 'wrong_password'
        : !user.isActive
          ? 'account_disabled'
          : 'no_facility';
    await ctx.db
      .insertInto('signInAttempts')
      .values({ email, succeeded: false, sourceIp: ip, attemptedAt: now })
      .execute();
    await auditFailure(reason);
    const lockNow = lockedUntil(await recentFailures(ctx, email, now), now, ctx.settings.lockout);
    if (lockNow) throw new AppError('LOCKED', lockedMessage(lockNow, now));
    throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS, { authReason: 'no_session' });
  }

  const token = newSessionToken();
  const session = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('signInAttempts')
      .values({ email, succeeded: true, sourceIp: ip, attemptedAt: now })
      .execute();
    const created = await trx
      .insertInto('authSessions')
      .values({
        tokenHash: hashSessionToken(token),
        staffUserId: user.id,
        facilityId: firstFacility.facilityId,
        createdAt: now,
        lastSeenAt: now,
        sourceIp: ip,
        userAgent: ctx.request.userAgent?.slice(0, 500) ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'sign_in',
      entityType: 'auth_session',
      entityId: created.id,
      actorStaffUserId: user.id,
      facilityId: firstFacility.facilityId,
      outcome: 'success',
      sourceIp: ip,
    });
    return created;
  });
  ctx.cookie.set(token);
  return { sessionId: session.id };
}
