import {
  type IndicatorId,
  indicatorCsv,
  isIndicatorId,
  LEVELS_OF_CARE,
  readableDate,
} from '@homegroup/core';
import { type OutcomeFiltersInput, outcomeFiltersInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import { withAccess } from '../auth/require-access';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { outcomeDashboard } from './outcome-dashboard';

const FILTER_KEYS = [
  'from',
  'to',
  'programTrack',
  'levelOfCare',
  'counselorId',
  'groupId',
] as const satisfies readonly (keyof OutcomeFiltersInput)[];

const blank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The dashboard's filters from a query string. A filter left empty is no filter; facilities may
 * come as a repeated parameter, comma-separated, or both.
 */
export function outcomeFiltersFromQuery(query: Record<string, unknown>): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    if (!blank(query[key])) filters[key] = query[key];
  }
  const raw = query.facilityIds;
  if (!blank(raw)) {
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) =>
      typeof v === 'string' ? v.split(',') : [v],
    );
    const ids = values.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => !blank(v));
    if (ids.length > 0) filters.facilityIds = ids;
  }
  return filters;
}

/** The filters applied beyond facilities and dates, in words for the CSV's title block. */
async function filtersInWords(
  ctx: Context,
  staff: StaffContext,
  filters: OutcomeFiltersInput,
  ownCaseload: boolean,
): Promise<string> {
  const words: string[] = [];
  if (ownCaseload) words.push(`Own caseload of ${staff.displayName}`);
  if (filters.programTrack) words.push(`Program track: ${filters.programTrack}`);
  if (filters.levelOfCare) words.push(`Level of care: ${LEVELS_OF_CARE[filters.levelOfCare]}`);
  // Both were checked against the chosen facilities before the figures were counted.
  if (filters.counselorId && !ownCaseload) {
    const counselor = await ctx.db
      .selectFrom('staffUsers')
      .select('displayName')
      .where('id', '=', filters.counselorId)
      .where('organizationId', '=', staff.facility.organizationId)
      .executeTakeFirst();
    words.push(`Counselor: ${counselor?.displayName ?? filters.counselorId}`);
  }
  if (filters.groupId) {
    const group = await ctx.db
      .selectFrom('groups')
      .select('name')
      .where('id', '=', filters.groupId)
      .executeTakeFirst();
    words.push(`Group: ${group?.name ?? filters.groupId}`);
  }
  return words.length > 0 ? words.join('; ') : 'None';
}

/**
 * One outcome indicator as CSV, with the same figures (and the same small-number suppression) as
 * the dashboard: a title block saying what was counted, for which facilities, dates and filters,
 * when, and under which suppression rule; then the table with numerators and denominators.
 * Refusals throw `AppError`; the export is audited.
 */
export async function indicatorCsvExport(
  ctx: Context,
  staff: StaffContext,
  indicator: IndicatorId,
  query: Record<string, unknown>,
) {
  const parsed = outcomeFiltersInput.safeParse(outcomeFiltersFromQuery(query));
  if (!parsed.success) {
    throw new AppError(
      'BAD_INPUT',
      parsed.error.issues[0]?.message ?? 'Those filters cannot be read.',
    );
  }
  const filters = parsed.data;
  const dashboard = await outcomeDashboard(ctx, staff, filters, [indicator]);
  const table = dashboard.indicators[0];
  if (!table) throw new Error(`The dashboard returned no ${indicator} table.`);
  const { scope } = dashboard;
  const csv = indicatorCsv(table, table, [
    ['Facilities', scope.facilities.join('; ')],
    [
      'Date range',
      `${readableDate(scope.from)} to ${readableDate(scope.to)} (${scope.from} to ${scope.to})`,
    ],
    ['Filters applied', await filtersInWords(ctx, staff, filters, scope.ownCaseload)],
    ['Read at', `${dashboard.readAt} (figures counted from the records at that moment)`],
    ['Suppression', dashboard.suppressionRule],
  ]);
  await recordStaffAction(ctx, staff, ctx.db, {
    action: 'export',
    entityType: 'outcome_indicator',
    entityId: indicator,
    detail: {
      from: scope.from,
      to: scope.to,
      facilities: filters.facilityIds?.length ? filters.facilityIds : [staff.facility.id],
      programTrack: filters.programTrack ?? null,
      levelOfCare: filters.levelOfCare ?? null,
      counselorId: scope.ownCaseload ? staff.userId : (filters.counselorId ?? null),
      groupId: filters.groupId ?? null,
      rows: table.rows.length,
    },
  });
  return {
    filename: `outcomes-${indicator}-${scope.from}-to-${scope.to}.csv`,
    // A byte-order mark, so spreadsheet programs read the file as UTF-8.
    chunks: [`\uFEFF${csv}`],
  };
}

/**
 * The CSV download behind `/export/outcomes/:indicator.csv`: the same session and role checks as
 * the outcome dashboard (directors and counselors) before any byte is sent.
 */
export async function outcomeIndicatorDownload(
  ctx: Context,
  indicator: string,
  query: Record<string, unknown>,
) {
  return withAccess(ctx, 'export.indicatorCsv', async (staff) => {
    if (!isIndicatorId(indicator)) {
      throw new AppError('NOT_FOUND', 'There is no outcome indicator by that name.');
    }
    return indicatorCsvExport(ctx, staff, indicator, query);
  });
}
