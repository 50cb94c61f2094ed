import type { Generated, Insertable, Selectable } from 'kysely';

/** The step between a right password and a right two-step code: short-lived, used once. */
export interface SignInChallengesTable {
  id: Generated<string>;
  /** SHA-256 of the challenge token the browser holds, hex. */
  tokenHash: string;
  staffUserId: string;
  createdAt: Generated<Date>;
  expiresAt: Date;
  usedAt: Date | null;
  /** Wrong codes entered against this challenge; it is spent after a few. */
  failedCodes: Generated<number>;
  sourceIp: string | null;
}
export type SignInChallenge = Selectable<SignInChallengesTable>;
export type NewSignInChallenge = Insertable<SignInChallengesTable>;
