import { outcomeFiltersInput } from '@homegroup/validators';
import { outcomeFilterOptions } from '../outcomes/filter-options';
import { outcomeDashboard } from '../outcomes/outcome-dashboard';
import { procedure, router } from '../trpc';

export const outcomesRouter = router({
  filterOptions: procedure('outcomes.filterOptions').query(({ ctx }) =>
    outcomeFilterOptions(ctx, ctx.staff),
  ),
  dashboard: procedure('outcomes.dashboard')
    .input(outcomeFiltersInput)
    .query(({ ctx, input }) => outcomeDashboard(ctx, ctx.staff, input)),
});
