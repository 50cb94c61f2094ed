import {
  buildIndicators,
  dateInTimeZone,
  INDICATORS,
  type IndicatorId,
  type IndicatorTable,
  indicatorDefinition,
  SUPPRESSION_RULE,
} from '@homegroup/core';
import type { OutcomeFiltersInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { outcomeFacts } from './outcome-facts';
import { outcomeScope } from './outcome-scope';

export interface OutcomeDashboard {
  scope: {
    from: string;
    to: string;
    facilities: string[];
    ownCaseload: boolean;
  };
  /** The facility's date when the figures were read. */
  today: string;
  readAt: string;
  suppressionRule: string;
  indicators: (IndicatorTable & ReturnType<typeof indicatorDefinition>)[];
}

/** Every indicator (or those asked for), counted now from the records. */
export async function outcomeDashboard(
  ctx: Context,
  staff: StaffContext,
  input: OutcomeFiltersInput,
  ids: readonly IndicatorId[] = INDICATORS.map((i) => i.id),
): Promise<OutcomeDashboard> {
  const scope = await outcomeScope(ctx.db, staff, input);
  const now = ctx.now();
  const today = dateInTimeZone(now, staff.facility.timeZone);
  const facts = await outcomeFacts(ctx.db, scope);
  // Aggregate views never show a count of 1 to 4 people, whoever is looking.
  const tables = buildIndicators(ids, facts, scope.range, today, true);
  await recordStaffAction(ctx, staff, ctx.db, {
    action: 'read',
    entityType: 'outcome_dashboard',
    detail: {
      from: scope.range.from,
      to: scope.range.to,
      facilities: scope.facilities.map((f) => f.id),
      indicators: ids,
    },
  });
  return {
    scope: {
      from: scope.range.from,
      to: scope.range.to,
      facilities: scope.facilities.map((f) => f.name),
      ownCaseload: scope.ownCaseload,
    },
    today,
    readAt: now.toISOString(),
    suppressionRule: SUPPRESSION_RULE,
    indicators: tables.map((t) => ({ ...indicatorDefinition(t.id), ...t })),
  };
}
