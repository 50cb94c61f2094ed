import { ROLES } from '@homegroup/core';
import { facilityOverview } from '../facility/facility-overview';
import { allow, router } from '../trpc';

export const facilityRouter = router({
  overview: allow(...ROLES).query(({ ctx }) => facilityOverview(ctx, ctx.staff)),
});
