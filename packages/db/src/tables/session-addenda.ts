import type { Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/** A change to a signed session: who, when, why and what changed. */
export interface SessionAddendaTable {
  id: Generated<string>;
  sessionId: string;
  facilityId: string;
  authorStaffId: string;
  reason: string;
  changes: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  createdAt: Generated<Date>;
}
export type SessionAddendum = Selectable<SessionAddendaTable>;
export type NewSessionAddendum = Insertable<SessionAddendaTable>;
