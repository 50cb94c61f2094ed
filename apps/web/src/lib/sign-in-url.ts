export type SignInReason =
  | 'no_session'
  | 'idle_timeout'
  | 'absolute_timeout'
  | 'revoked'
  | 'signed_out';

/** The sign-in page's address, remembering where the person was so they come back to it. */
export function signInUrl(reason: SignInReason, next?: string) {
  const params = new URLSearchParams();
  if (reason !== 'no_session') params.set('reason', reason);
  if (next && next !== '/' && isSafeNext(next)) params.set('next', next);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

/** Only a path inside this app: never another site ("//evil.example", "https://…"). */
export function isSafeNext(next: string | null): next is string {
  return !!next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
}

export const SIGN_IN_MESSAGES: Partial<Record<SignInReason, string>> = {
  idle_timeout:
    'You were signed out because the screen was left without activity. Sign in again to go back to where you were.',
  absolute_timeout: 'Your session reached its time limit. Sign in again to continue.',
  revoked: 'Your session was ended by the system or an admin. Sign in again to continue.',
  signed_out: 'You have signed out.',
};
