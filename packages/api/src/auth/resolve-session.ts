import { nextExpiry, sessionState } from '@homegroup/core';
import type { SessionEndReason } from '@homegroup/db';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { hashSessionToken } from './tokens';

const EXPIRED_MESSAGE: Record<
  'idle_timeout' | 'absolute_timeout' | 'revoked' | 'no_session',
  string
> = {
  no_session: 'Please sign in.',
  idle_timeout: 'You were signed out after a period without activity. Sign in again to continue.',
  absolute_timeout: 'Your session reached its time limit. Sign in again to continue.',
  revoked: 'Your session was ended. Sign in again to continue.',
};

function refuse(reason: keyof typeof EXPIRED_MESSAGE): never {
  throw new AppError('UNAUTHORIZED', EXPIRED_MESSAGE[reason], { authReason: reason });
}

async function endSession(ctx: Context, id: string, reason: SessionEndReason, at: Date) {
  await ctx.db
    .updateTable('authSessions')
    .set({ endedAt: at, endReason: reason })
    .where('id', '=', id)
    .where('endedAt', 'is', null)
    .execute();
}

/**
 * Finds the live session behind the cookie and renews its idle deadline, or refuses with the
 * reason it ended. Each request counts as activity.
 */
export async function resolveSession(ctx: Context): Promise<StaffContext> {
  const token = ctx.cookie.token;
  if (!token) refuse('no_session');
  const now = ctx.now();
  const row = await ctx.db
    .selectFrom('authSessions as s')
    .innerJoin('staffUsers as u', 'u.id', 's.staffUserId')
    .innerJoin('facilities as f', 'f.id', 's.facilityId')
    .leftJoin('facilitySettings as fs', 'fs.facilityId', 's.facilityId')
    .leftJoin('staffRoles as r', (join) =>
      join.onRef('r.staffUserId', '=', 's.staffUserId').onRef('r.facilityId', '=', 's.facilityId'),
    )
    .select([
      's.id as sessionId',
      's.createdAt',
      's.lastSeenAt',
      's.endedAt',
      's.endReason',
      'u.id as userId',
      'u.displayName',
      'u.email',
      'u.isActive',
      'u.totpEnabledAt',
      'fs.requireAdminTwoFactor',
      'r.role',
      'f.id as facilityId',
      'f.name as facilityName',
      'f.timeZone',
      'f.organizationId',
    ])
    .where('s.tokenHash', '=', hashSessionToken(token))
    .executeTakeFirst();

  if (!row) refuse('no_session');
  if (row.endedAt) {
    refuse(row.endReason === 'sign_out' || !row.endReason ? 'no_session' : row.endReason);
  }
  const state = sessionState(row, now, ctx.settings.session);
  if (state.state !== 'active') {
    await endSession(ctx, row.sessionId, state.state, now);
    refuse(state.state);
  }
  if (!row.isActive || !row.role) {
    await endSession(ctx, row.sessionId, 'revoked', now);
    refuse('revoked');
  }

  await ctx.db
    .updateTable('authSessions')
    .set({ lastSeenAt: now })
    .where('id', '=', row.sessionId)
    .execute();

  return {
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    facility: {
      id: row.facilityId,
      name: row.facilityName,
      timeZone: row.timeZone,
      organizationId: row.organizationId,
    },
    sessionId: row.sessionId,
    sessionCreatedAt: row.createdAt,
    twoFactorSetupRequired:
      row.role === 'admin' && row.requireAdminTwoFactor === true && row.totpEnabledAt === null,
    expiresAt: nextExpiry(row.createdAt, now, ctx.settings.session),
  };
}
