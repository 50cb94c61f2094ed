import { type FacilityScope, withFacilityScope } from '@homegroup/db';
import { HTTP_ACCESS, type HttpPath, ROLE_REFUSAL } from '../access';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { facilityScopeFor } from './facility-scope';
import { resolveSession } from './resolve-session';
import { refuseUntilTwoFactorSetUp } from './two-factor-gate';

/**
 * The access check of a download or upload served outside tRPC, from its row of the access table:
 * a live session and an allowed role, before any byte is read or sent. Returns the staff member
 * and the facility scope to run the work in.
 */
export async function requireAccess(
  ctx: Context,
  path: HttpPath,
): Promise<{ staff: StaffContext; scope: FacilityScope }> {
  const staff = await resolveSession(ctx);
  const row = HTTP_ACCESS[path];
  if (!row.roles.includes(staff.role)) throw new AppError('FORBIDDEN', ROLE_REFUSAL);
  refuseUntilTwoFactorSetUp(staff, row.scope);
  return { staff, scope: await facilityScopeFor(ctx, staff, row.scope) };
}

/**
 * Runs a download or upload behind its access check, inside the facility scope the database
 * enforces. A streamed body must be wrapped in `keepFacilityScope` to stay inside it.
 */
export async function withAccess<T>(
  ctx: Context,
  path: HttpPath,
  fn: (staff: StaffContext) => Promise<T>,
): Promise<T> {
  const { staff, scope } = await requireAccess(ctx, path);
  return withFacilityScope(scope, () => fn(staff));
}
