import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** Why a request was refused for want of a live session, so the web app can say it plainly. */
export type AuthFailureReason =
  | 'no_session'
  | 'idle_timeout'
  | 'absolute_timeout'
  | 'revoked'
  | 'two_factor_setup_required';

const HTTP_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LOCKED: 'TOO_MANY_REQUESTS',
};
export type AppErrorCode =
  | 'BAD_INPUT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED';

/**
 * The one application error. Its message is written for staff and shown to them as it is;
 * anything else that goes wrong reaches the user as a generic message, never a stack trace.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: {
      authReason?: AuthFailureReason;
      fieldErrors?: Record<string, string[]>;
      /** CONFLICT on a save: what someone else changed meanwhile, by person, in words. */
      conflicts?: string[];
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get trpcCode(): TRPC_ERROR_CODE_KEY {
    return HTTP_CODE[this.code];
  }
}

/** Refuses a request because of one field, with the message shown beside that field. */
export function refuseField(field: string, message: string): never {
  throw new AppError('BAD_INPUT', message, { fieldErrors: { [field]: [message] } });
}

/** Refuses a request because of several fields at once; nothing is saved. */
export function refuseFields(problems: Partial<Record<string, string>>, message?: string): void {
  const entries = Object.entries(problems).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return;
  const first = entries[0]?.[1] ?? '';
  throw new AppError(
    'BAD_INPUT',
    message ?? (entries.length === 1 ? first : 'Some fields need attention. Nothing was saved.'),
    {
      fieldErrors: Object.fromEntries(entries.map(([k, v]) => [k, [v]])),
    },
  );
}
