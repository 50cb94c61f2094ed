import { type HttpPath, ROLE_REFUSAL, rolesFor } from '../access';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { resolveSession } from './resolve-session';

/**
 * The access check of a download or upload served outside tRPC: a live session and a role that
 * the access table allows on `path`, before any byte is read or sent.
 */
export async function requireAccess(ctx: Context, path: HttpPath): Promise<StaffContext> {
  const staff = await resolveSession(ctx);
  const roles = rolesFor(path);
  if (roles && !roles.includes(staff.role)) throw new AppError('FORBIDDEN', ROLE_REFUSAL);
  return staff;
}
