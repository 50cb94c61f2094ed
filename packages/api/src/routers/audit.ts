import { auditEventsInput, disclosureAccountingInput } from '@homegroup/validators';
import { auditEvents, auditFilterOptions, disclosureAccounting } from '../audit-log/audit-log';
import { procedure, router } from '../trpc';

export const auditRouter = router({
  events: procedure('audit.events')
    .input(auditEventsInput)
    .query(({ ctx, input }) => auditEvents(ctx, ctx.staff, input)),
  filterOptions: procedure('audit.filterOptions').query(({ ctx }) =>
    auditFilterOptions(ctx, ctx.staff),
  ),
  disclosureAccounting: procedure('audit.disclosureAccounting')
    .input(disclosureAccountingInput)
    .query(({ ctx, input }) => disclosureAccounting(ctx, ctx.staff, input.clientId)),
});
