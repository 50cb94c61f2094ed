import { ROLES } from '@homegroup/core';
import { facilitySettingsInput } from '@homegroup/validators';
import { facilityOverview } from '../facility/facility-overview';
import { updateFacilitySettings } from '../facility/update-settings';
import { facilitySettingsFor } from '../groups/facility-settings';
import { allow, router } from '../trpc';

export const facilityRouter = router({
  overview: allow(...ROLES).query(({ ctx }) => facilityOverview(ctx, ctx.staff)),
  settings: allow('admin').query(({ ctx }) => facilitySettingsFor(ctx.db, ctx.staff.facility.id)),
  updateSettings: allow('admin')
    .input(facilitySettingsInput)
    .mutation(({ ctx, input }) => updateFacilitySettings(ctx, ctx.staff, input)),
});
