import type { AppRouter, AuthFailureReason } from '@homegroup/api';
import { TRPCClientError } from '@trpc/client';
import type { SignInReason } from './sign-in-url';

export interface ErrorInfo {
  message: string;
  code: string | null;
  fieldErrors: Record<string, string[] | undefined>;
  authReason: AuthFailureReason | null;
  /** On a conflicting save: what someone else changed meanwhile. */
  conflicts: string[];
}

const OFFLINE =
  'Homegroup could not reach the server. Check the network connection and try again; nothing was saved.';

function offline(): ErrorInfo {
  return { message: OFFLINE, code: null, fieldErrors: {}, authReason: null, conflicts: [] };
}

/** What to tell the person about a failed request, in the server's own words where it has them. */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    if (!e.data) return offline();
    return {
      message: e.message,
      code: e.data.code,
      fieldErrors: e.data.fieldErrors ?? {},
      authReason: e.data.authReason ?? null,
      conflicts: e.data.conflicts ?? [],
    };
  }
  return offline();
}

/** The reason the session is gone, or null when the error is about something else. */
export function sessionLostReason(error: unknown): SignInReason | null {
  const info = errorInfo(error);
  if (info.code !== 'UNAUTHORIZED') return null;
  const reason = info.authReason ?? 'no_session';
  return reason === 'two_factor_setup_required' ? null : reason;
}

/** The facility requires two-step sign-in of this admin, who has not set it up yet. */
export function needsTwoFactorSetup(error: unknown): boolean {
  return errorInfo(error).authReason === 'two_factor_setup_required';
}
