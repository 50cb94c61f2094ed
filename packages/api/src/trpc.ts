import { withFacilityScope } from '@homegroup/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import { ACCESS, type Access, type PublicPath, ROLE_REFUSAL, type StaffPath } from './access';
import { facilityScopeFor } from './auth/facility-scope';
import { resolveSession } from './auth/resolve-session';
import { refuseUntilTwoFactorSetUp } from './auth/two-factor-gate';
import type { Context } from './context';
import { AppError } from './errors';
import { isRetryableDatabaseError, RETRYABLE_MESSAGE } from './retryable';
import { hasUnstorableText, UNSTORABLE_TEXT } from './unstorable-text';

/** Each procedure carries its row of the access table, so tests and tools can read it back. */
export interface Meta {
  access?: Access;
}

const GENERIC_FAILURE = 'Something went wrong on our side. Nothing was saved; please try again.';

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError
          ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
          : cause instanceof AppError
            ? cause.details.fieldErrors
            : undefined;
      const message =
        cause instanceof ZodError
          ? 'Some fields need attention.'
          : error.code === 'INTERNAL_SERVER_ERROR'
            ? GENERIC_FAILURE
            : error.message;
      return {
        message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: fieldErrors ?? null,
          authReason: cause instanceof AppError ? (cause.details.authReason ?? null) : null,
          conflicts: cause instanceof AppError ? (cause.details.conflicts ?? null) : null,
          retryable: shape.data.code === 'SERVICE_UNAVAILABLE',
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns the application's own errors into tRPC errors with the matching HTTP status. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.trpcCode, message: cause.message, cause });
  }
  if (!result.ok && isRetryableDatabaseError(result.error.cause)) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: RETRYABLE_MESSAGE,
      cause: result.error.cause,
    });
  }
  return result;
});

const base = t.procedure.use(appErrors);

/** Text that cannot be stored is refused in words before the input is read. */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  if (hasUnstorableText(await getRawInput())) throw new AppError('BAD_INPUT', UNSTORABLE_TEXT);
  return next();
});

const authenticated = base.use(async ({ ctx, next }) => {
  const staff = await resolveSession(ctx);
  return next({ ctx: { ...ctx, staff } });
});

/**
 * The only way to build a procedure that needs a signed-in staff member: its row of the access
 * table (`access.ts`) names the roles allowed at the facility the staff member is working at.
 * The role is checked before the input is read. Procedures then scope every query to
 * `ctx.staff.facility.id` (the row's facility rule), and the database enforces the same rule again
 * with row-level security for every query the procedure makes.
 */
export function procedure(path: StaffPath) {
  const access: Access = ACCESS[path];
  if ('public' in access) throw new Error(`${path} is public: use openProcedure`);
  const { roles, scope } = access;
  return authenticated
    .meta({ access })
    .use(async ({ ctx, next }) => {
      if (!roles.includes(ctx.staff.role)) throw new AppError('FORBIDDEN', ROLE_REFUSAL);
      refuseUntilTwoFactorSetUp(ctx.staff, scope);
      return withFacilityScope(await facilityScopeFor(ctx, ctx.staff, scope), () => next());
    })
    .use(refuseUnstorableText);
}

/** A procedure that works signed out: only those the access table marks public (sign-in, sign-out). */
export function openProcedure(path: PublicPath) {
  return base.meta({ access: ACCESS[path] }).use(refuseUnstorableText);
}
