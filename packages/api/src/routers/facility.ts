import { ROLES } from '@homegroup/core';
import {
  facilitySettingsInput,
  flagSettingsInput,
  followUpDaysInput,
  milestoneSetInput,
} from '@homegroup/validators';
import { milestoneSetTexts, updateMilestoneSet } from '../clients/milestones';
import { flagSettingsFor } from '../engagement/flag-settings';
import { facilityOverview } from '../facility/facility-overview';
import { followUpDaysFor, updateFollowUpDays } from '../facility/follow-up-days';
import { updateFlagSettings } from '../facility/update-flag-settings';
import { updateFacilitySettings } from '../facility/update-settings';
import { facilitySettingsFor } from '../groups/facility-settings';
import { allow, router } from '../trpc';

export const facilityRouter = router({
  overview: allow(...ROLES).query(({ ctx }) => facilityOverview(ctx, ctx.staff)),
  settings: allow('admin').query(({ ctx }) => facilitySettingsFor(ctx.db, ctx.staff.facility.id)),
  updateSettings: allow('admin')
    .input(facilitySettingsInput)
    .mutation(({ ctx, input }) => updateFacilitySettings(ctx, ctx.staff, input)),
  flagSettings: allow('admin', 'counselor').query(({ ctx }) =>
    flagSettingsFor(ctx.db, ctx.staff.facility.id),
  ),
  updateFlagSettings: allow('admin')
    .input(flagSettingsInput)
    .mutation(({ ctx, input }) => updateFlagSettings(ctx, ctx.staff, input)),
  milestoneSets: allow('admin', 'counselor').query(({ ctx }) =>
    milestoneSetTexts(ctx.db, ctx.staff.facility.id),
  ),
  updateMilestoneSet: allow('admin')
    .input(milestoneSetInput)
    .mutation(({ ctx, input }) => updateMilestoneSet(ctx, ctx.staff, input)),
  followUpDays: allow('admin', 'alumni_coordinator').query(({ ctx }) =>
    followUpDaysFor(ctx, ctx.staff),
  ),
  updateFollowUpDays: allow('admin')
    .input(followUpDaysInput)
    .mutation(({ ctx, input }) => updateFollowUpDays(ctx, ctx.staff, input)),
});
