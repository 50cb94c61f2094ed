import type { AuditAction, Db } from '@homegroup/db';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  clientId?: string | null;
  actorStaffUserId?: string | null;
  facilityId?: string | null;
  outcome: 'success' | 'failure';
  sourceIp?: string | null;
  detail?: Record<string, unknown>;
}

function toRow(entry: AuditEntry) {
  return {
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    clientId: entry.clientId ?? null,
    actorStaffUserId: entry.actorStaffUserId ?? null,
    facilityId: entry.facilityId ?? null,
    outcome: entry.outcome,
    sourceIp: entry.sourceIp ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

/** Appends one event to the audit trail (the database refuses to change or delete it later). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('auditEvents').values(toRow(entry)).execute();
}

/** Appends several events in one statement, e.g. one per person shown on a screen. */
export async function recordAuditMany(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('auditEvents').values(entries.map(toRow)).execute();
}

/** A successful action by the signed-in staff member at their facility, from their address. */
export function recordStaffAction(
  ctx: { request: { ip: string | null } },
  staff: { userId: string; facility: { id: string } },
  db: Db,
  entry: Omit<AuditEntry, 'actorStaffUserId' | 'facilityId' | 'sourceIp' | 'outcome'>,
): Promise<void> {
  return recordAudit(db, {
    ...entry,
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: 'success',
    sourceIp: ctx.request.ip,
  });
}
