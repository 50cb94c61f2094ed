import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type SessionEndReason = 'sign_out' | 'idle_timeout' | 'absolute_timeout' | 'revoked';

export interface AuthSessionsTable {
  id: Generated<string>;
  /** SHA-256 of the cookie token, hex. */
  tokenHash: string;
  staffUserId: string;
  /** The facility the staff member is working at in this session. */
  facilityId: string;
  createdAt: Generated<Date>;
  lastSeenAt: Generated<Date>;
  endedAt: Date | null;
  endReason: SessionEndReason | null;
  sourceIp: string | null;
  userAgent: string | null;
}
export type AuthSession = Selectable<AuthSessionsTable>;
export type NewAuthSession = Insertable<AuthSessionsTable>;
export type AuthSessionUpdate = Updateable<AuthSessionsTable>;
