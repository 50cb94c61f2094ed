import { keepFacilityScope } from '@homegroup/db';
import { caseloadFilters } from '@homegroup/validators';
import { withAccess } from '../auth/require-access';
import type { Context } from '../context';
import { AppError } from '../errors';
import { exportCaseloadCsv } from './export-caseload';

/**
 * The CSV download behind `/export/caseload.csv`: the same session, role and filter checks as the
 * caseload procedure, before any byte is sent. Refusals throw `AppError` for the HTTP layer.
 */
export async function caseloadDownload(ctx: Context, query: Record<string, unknown>) {
  return withAccess(ctx, 'export.caseloadCsv', async (staff) => {
    const parsed = caseloadFilters.safeParse(query);
    if (!parsed.success) {
      throw new AppError(
        'BAD_INPUT',
        parsed.error.issues[0]?.message ?? 'Those filters cannot be read.',
      );
    }
    return {
      filename: `caseload-${ctx.now().toISOString().slice(0, 10)}.csv`,
      chunks: keepFacilityScope(exportCaseloadCsv(ctx, staff, parsed.data)),
    };
  });
}
