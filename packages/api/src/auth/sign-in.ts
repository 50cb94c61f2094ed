import { lockedUntil, lockoutLookbackStart } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { SignInCodeInput, SignInInput } from '@homegroup/validators';
import { recordAudit } from '../audit';
import type { Context } from '../context';
import { AppError } from '../errors';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import { hashSessionToken, newSessionToken } from './tokens';
import { acceptedTotpStep } from './totp';

export const WRONG_CREDENTIALS = 'That e-mail address and password do not match an account.';
export const WRONG_CODE =
  'That code is not right. Check the time on your phone and try the newest code.';
export const CHALLENGE_GONE =
  'That sign-in has expired or was used. Enter your e-mail address and password again.';

/** How long the code step waits after a right password, and how many wrong codes it takes. */
const CHALLENGE_MINUTES = 5;
const CHALLENGE_MAX_WRONG_CODES = 5;

function minutesUntil(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function lockedMessage(until: Date, now: Date) {
  return `This account is locked after too many failed sign-ins. Try again in ${minutesUntil(until, now)}, or ask an admin to help.`;
}

function addressLockedMessage(until: Date, now: Date) {
  return `Too many failed sign-ins have come from this network. Try again in ${minutesUntil(until, now)}.`;
}

/** Failed attempts that still count: inside the look-back window and after the last success. */
async function recentFailures(
  ctx: Context,
  column: 'email' | 'sourceIp',
  value: string,
  now: Date,
): Promise<Date[]> {
  const policy = column === 'email' ? ctx.settings.lockout : ctx.settings.addressLockout;
  const attempts = await ctx.db
    .selectFrom('signInAttempts')
    .select(['succeeded', 'attemptedAt'])
    .where(column, '=', value)
    .where('attemptedAt', '>=', lockoutLookbackStart(now, policy))
    .orderBy('attemptedAt', 'asc')
    .orderBy('id', 'asc')
    .execute();
  // A success from a shared address does not wipe out another account's failures from it.
  const lastSuccess = column === 'email' ? attempts.findLastIndex((a) => a.succeeded) : -1;
  return attempts
    .slice(lastSuccess + 1)
    .filter((a) => !a.succeeded)
    .map((a) => a.attemptedAt);
}

/** Refuses at once when the account, or the address it comes from, is locked out. */
async function refuseWhileLocked(ctx: Context, email: string, now: Date, audit: AuditFailure) {
  const ip = ctx.request.ip;
  if (ip) {
    const policy = ctx.settings.addressLockout;
    const addressLock = lockedUntil(await recentFailures(ctx, 'sourceIp', ip, now), now, policy);
    if (addressLock) {
      await audit('address_locked');
      throw new AppError('LOCKED', addressLockedMessage(addressLock, now));
    }
  }
  const lock = lockedUntil(
    await recentFailures(ctx, 'email', email, now),
    now,
    ctx.settings.lockout,
  );
  if (lock) {
    await audit('locked');
    throw new AppError('LOCKED', lockedMessage(lock, now));
  }
}

type AuditFailure = (reason: string) => Promise<void>;

function failureAuditor(ctx: Context, email: string, userId: string | null): AuditFailure {
  return (reason) =>
    recordAudit(ctx.db, {
      action: 'sign_in',
      entityType: 'staff_user',
      entityId: userId,
      actorStaffUserId: userId,
      outcome: 'failure',
      sourceIp: ctx.request.ip,
      detail: { email, reason },
    });
}

/** Records a failed attempt, then answers with the lock if this one reached it. */
async function recordFailure(
  ctx: Context,
  email: string,
  now: Date,
  audit: AuditFailure,
  reason: string,
) {
  await ctx.db
    .insertInto('signInAttempts')
    .values({ email, succeeded: false, sourceIp: ctx.request.ip, attemptedAt: now })
    .execute();
  await audit(reason);
  const lockNow = lockedUntil(
    await recentFailures(ctx, 'email', email, now),
    now,
    ctx.settings.lockout,
  );
  if (lockNow) throw new AppError('LOCKED', lockedMessage(lockNow, now));
}

async function firstFacilityOf(db: Db, staffUserId: string): Promise<string | null> {
  const first = await db
    .selectFrom('staffRoles')
    .innerJoin('facilities', 'facilities.id', 'staffRoles.facilityId')
    .select(['staffRoles.facilityId'])
    .where('staffRoles.staffUserId', '=', staffUserId)
    .orderBy('facilities.name')
    .executeTakeFirst();
  return first?.facilityId ?? null;
}

/** Opens a server-side session at the staff member's first facility and sets its cookie. */
async function openSession(
  ctx: Context,
  user: { id: string; email: string },
  facilityId: string,
  detail: Record<string, unknown>,
  extra?: (trx: Db) => Promise<void>,
) {
  const now = ctx.now();
  const token = newSessionToken();
  const session = await ctx.db.transaction().execute(async (trx) => {
    await extra?.(trx);
    await trx
      .insertInto('signInAttempts')
      .values({ email: user.email, succeeded: true, sourceIp: ctx.request.ip, attemptedAt: now })
      .execute();
    const created = await trx
      .insertInto('authSessions')
      .values({
        tokenHash: hashSessionToken(token),
        staffUserId: user.id,
        facilityId,
        createdAt: now,
        lastSeenAt: now,
        sourceIp: ctx.request.ip,
        userAgent: ctx.request.userAgent?.slice(0, 500) ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'sign_in',
      entityType: 'auth_session',
      entityId: created.id,
      actorStaffUserId: user.id,
      facilityId,
      outcome: 'success',
      sourceIp: ctx.request.ip,
      detail,
    });
    return created;
  });
  ctx.cookie.set(token);
  return session;
}

export type SignInResult =
  | { status: 'signed_in'; sessionId: string }
  | { status: 'code_needed'; challenge: string; expiresAt: string };

/**
 * The password step. Checks the locks (per address and per account), the password and that the
 * staff member works somewhere. Without two-step sign-in it opens the session; with it, it hands
 * back a short-lived challenge for the code step. The same message answers a wrong e-mail and a
 * wrong password.
 */
export async function signIn(ctx: Context, input: SignInInput): Promise<SignInResult> {
  const now = ctx.now();
  const email = input.email.trim().toLowerCase();
  const user = await ctx.db
    .selectFrom('staffUsers')
    .select(['id', 'email', 'passwordHash', 'isActive', 'totpEnabledAt'])
    .where('email', '=', email)
    .executeTakeFirst();
  const audit = failureAuditor(ctx, email, user?.id ?? null);
  await refuseWhileLocked(ctx, email, now, audit);

  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstNothing(input.password);
  const facilityId =
    user && passwordOk && user.isActive ? await firstFacilityOf(ctx.db, user.id) : null;

  if (!user || !passwordOk || !user.isActive || !facilityId) {
    const reason = !user
      ? 'unknown_email'
      : !passwordOk
        ? 'wrong_password'
        : !user.isActive
          ? 'account_disabled'
          : 'no_facility';
    await recordFailure(ctx, email, now, audit, reason);
    throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS, { authReason: 'no_session' });
  }

  if (user.totpEnabledAt) {
    const challenge = newSessionToken();
    const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
    await ctx.db
      .insertInto('signInChallenges')
      .values({
        tokenHash: hashSessionToken(challenge),
        staffUserId: user.id,
        createdAt: now,
        expiresAt,
        sourceIp: ctx.request.ip,
      })
      .execute();
    return { status: 'code_needed', challenge, expiresAt: expiresAt.toISOString() };
  }

  const session = await openSession(ctx, user, facilityId, { twoFactor: false });
  return { status: 'signed_in', sessionId: session.id };
}

/**
 * The code step of two-step sign-in. A wrong code counts as a failed sign-in (towards the same
 * account lock), and a challenge is spent after a few wrong codes or when it expires.
 */
export async function signInWithCode(ctx: Context, input: SignInCodeInput): Promise<SignInResult> {
  const now = ctx.now();
  const challenge = await ctx.db
    .selectFrom('signInChallenges as c')
    .innerJoin('staffUsers as u', 'u.id', 'c.staffUserId')
    .select([
      'c.id',
      'c.expiresAt',
      'c.usedAt',
      'c.failedCodes',
      'u.id as userId',
      'u.email',
      'u.isActive',
      'u.totpSecret',
      'u.totpEnabledAt',
      'u.totpLastStep',
    ])
    .where('c.tokenHash', '=', hashSessionToken(input.challenge))
    .executeTakeFirst();
  if (
    !challenge ||
    challenge.usedAt ||
    challenge.expiresAt <= now ||
    challenge.failedCodes >= CHALLENGE_MAX_WRONG_CODES ||
    !challenge.isActive ||
    !challenge.totpSecret ||
    !challenge.totpEnabledAt
  ) {
    throw new AppError('UNAUTHORIZED', CHALLENGE_GONE, { authReason: 'no_session' });
  }
  const audit = failureAuditor(ctx, challenge.email, challenge.userId);
  await refuseWhileLocked(ctx, challenge.email, now, audit);

  const step = acceptedTotpStep(challenge.totpSecret, input.code, now, challenge.totpLastStep);
  if (step === null) {
    await ctx.db
      .updateTable('signInChallenges')
      .set((eb) => ({ failedCodes: eb('failedCodes', '+', 1) }))
      .where('id', '=', challenge.id)
      .execute();
    await recordFailure(ctx, challenge.email, now, audit, 'wrong_code');
    throw new AppError('UNAUTHORIZED', WRONG_CODE, {
      authReason: 'no_session',
      fieldErrors: { code: [WRONG_CODE] },
    });
  }
  const facilityId = await firstFacilityOf(ctx.db, challenge.userId);
  if (!facilityId) throw new AppError('UNAUTHORIZED', CHALLENGE_GONE, { authReason: 'no_session' });

  const session = await openSession(
    ctx,
    { id: challenge.userId, email: challenge.email },
    facilityId,
    { twoFactor: true },
    async (trx) => {
      // Spend the challenge and the code in the same transaction as the session: once each.
      const spent = await trx
        .updateTable('signInChallenges')
        .set({ usedAt: now })
        .where('id', '=', challenge.id)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      const codeUsed = await trx
        .updateTable('staffUsers')
        .set({ totpLastStep: step })
        .where('id', '=', challenge.userId)
        .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
        .executeTakeFirst();
      if (spent.numUpdatedRows === 0n || codeUsed.numUpdatedRows === 0n) {
        throw new AppError('UNAUTHORIZED', CHALLENGE_GONE, { authReason: 'no_session' });
      }
    },
  );
  return { status: 'signed_in', sessionId: session.id };
}
