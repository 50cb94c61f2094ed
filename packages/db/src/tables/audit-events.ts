import type { Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export type AuditAction =
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'execute'
  | 'sign_in'
  | 'sign_out'
  | 'export'
  | 'disclose';

/** Append-only: the database refuses updates and deletes. */
export interface AuditEventsTable {
  id: Generated<number>;
  occurredAt: Generated<Date>;
  actorStaffUserId: string | null;
  facilityId: string | null;
  action: AuditAction;
  /** The kind of record acted on, e.g. 'client', 'auth_session'. */
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  outcome: 'success' | 'failure';
  sourceIp: string | null;
  detail: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  /** Place in the one chain of events, set by the database on insert. */
  chainSeq: Generated<number>;
  /** Hash of the event before this one in the chain (64 zeros for the first). */
  prevHash: Generated<string>;
  /** SHA-256 over `prevHash`, `chainSeq` and every field (see the chain migration). */
  hash: Generated<string>;
}
export type AuditEvent = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
