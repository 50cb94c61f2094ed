import { outcomeFiltersInput } from '@homegroup/validators';
import { outcomeFilterOptions } from '../outcomes/filter-options';
import { outcomeDashboard } from '../outcomes/outcome-dashboard';
import { allow, router } from '../trpc';

/** Directors chart their facilities; counselors their own caseload. */
const outcomeReaders = allow('admin', 'counselor');

export const outcomesRouter = router({
  filterOptions: outcomeReaders.query(({ ctx }) => outcomeFilterOptions(ctx, ctx.staff)),
  dashboard: outcomeReaders
    .input(outcomeFiltersInput)
    .query(({ ctx, input }) => outcomeDashboard(ctx, ctx.staff, input)),
});
