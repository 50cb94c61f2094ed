import { CASELOAD_COLUMNS, csvLine } from '@homegroup/core';
import type { CaseloadFilters } from '@homegroup/validators';
import { recordAuditMany } from '../audit';
import type { Context, StaffContext } from '../context';
import { facilityToday, refreshStaleMetrics } from '../engagement/client-metrics';
import { caseloadQuery, caseloadRows } from './caseload';

const BATCH = 500;

/**
 * The caseload as CSV, with the columns and order of the table on screen, streamed in batches
 * however many rows match. Each client exported gets an audit event before their row is sent.
 */
export async function* exportCaseloadCsv(
  ctx: Context,
  staff: StaffContext,
  filters: CaseloadFilters,
): AsyncGenerator<string> {
  const today = facilityToday(staff.facility, ctx.now());
  await refreshStaleMetrics(ctx.db, staff.facility, today);
  // The membership and order are fixed once, so rows cannot shift between batches.
  const ids = (await caseloadQuery(ctx.db, staff, filters, today).select('c.id').execute()).map(
    (r) => r.id,
  );
  yield `\uFEFF${csvLine(CASELOAD_COLUMNS.map((c) => c.header))}`;
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await caseloadRows(ctx.db, staff.facility.id, ids.slice(i, i + BATCH), today);
    await recordAuditMany(
      ctx.db,
      rows.map((r) => ({
        action: 'export',
        entityType: 'caseload_csv',
        entityId: r.clientId,
        clientId: r.clientId,
        actorStaffUserId: staff.userId,
        facilityId: staff.facility.id,
        outcome: 'success',
        sourceIp: ctx.request.ip,
        detail: { filters },
      })),
    );
    yield rows.map((r) => csvLine(CASELOAD_COLUMNS.map((c) => c.text(r)))).join('');
  }
}
