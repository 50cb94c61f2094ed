import type { Role } from '@homegroup/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import { resolveSession } from './auth/resolve-session';
import type { Context } from './context';
import { AppError } from './errors';

/**
 * Who may call a procedure. Every procedure declares it (a test fails otherwise): `public` for
 * the few that work signed out, or the roles allowed at the staff member's current facility.
 */
export type Access = { public: true } | { roles: readonly Role[] };
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
  return result;
});

const base = t.procedure.use(appErrors);

/** Works signed out. Only sign-in, sign-out and the like. */
export const publicProcedure = base.meta({ access: { public: true } });

const authenticated = base.use(async ({ ctx, next }) => {
  const staff = await resolveSession(ctx);
  return next({ ctx: { ...ctx, staff } });
});

/**
 * The only way to build a procedure that needs a signed-in staff member: it requires a live
 * session and one of `roles` at the facility the staff member is working at. Procedures then
 * scope every query to `ctx.staff.facility.id`.
 */
export function allow(...roles: readonly Role[]) {
  if (roles.length === 0) throw new Error('allow() needs at least one role');
  return authenticated.meta({ access: { roles } }).use(async ({ ctx, next }) => {
    if (!roles.includes(ctx.staff.role)) {
      throw new AppError('FORBIDDEN', 'Your role does not give access to this.');
    }
    return next();
  });
}
