import { recordAudit } from '../audit';
import type { Context } from '../context';
import { hashSessionToken } from './tokens';

/** Ends the session behind the cookie, if it is still open, and clears the cookie either way. */
export async function signOut(ctx: Context): Promise<{ signedOut: boolean }> {
  const token = ctx.cookie.token;
  ctx.cookie.clear();
  if (!token) return { signedOut: false };
  const now = ctx.now();
  const ended = await ctx.db
    .updateTable('authSessions')
    .set({ endedAt: now, endReason: 'sign_out' })
    .where('tokenHash', '=', hashSessionToken(token))
    .where('endedAt', 'is', null)
    .returning(['id', 'staffUserId', 'facilityId'])
    .executeTakeFirst();
  if (!ended) return { signedOut: false };
  await recordAudit(ctx.db, {
    action: 'sign_out',
    entityType: 'auth_session',
    entityId: ended.id,
    actorStaffUserId: ended.staffUserId,
    facilityId: ended.facilityId,
    outcome: 'success',
    sourceIp: ctx.request.ip,
  });
  return { signedOut: true };
}
