import type { Generated, Insertable, Selectable } from 'kysely';

export interface SignInAttemptsTable {
  id: Generated<number>;
  /** As typed, lower-cased; may name no account. */
  email: string;
  succeeded: boolean;
  sourceIp: string | null;
  attemptedAt: Generated<Date>;
}
export type SignInAttempt = Selectable<SignInAttemptsTable>;
export type NewSignInAttempt = Insertable<SignInAttemptsTable>;
