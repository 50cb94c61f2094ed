import {
  facilitySettingsInput,
  flagSettingsInput,
  followUpDaysInput,
  milestoneSetInput,
  securitySettingsInput,
} from '@homegroup/validators';
import { milestoneSetTexts, updateMilestoneSet } from '../clients/milestones';
import { flagSettingsFor } from '../engagement/flag-settings';
import { facilityOverview } from '../facility/facility-overview';
import { followUpDaysFor, updateFollowUpDays } from '../facility/follow-up-days';
import { securitySettings, updateSecuritySettings } from '../facility/security-settings';
import { updateFlagSettings } from '../facility/update-flag-settings';
import { updateFacilitySettings } from '../facility/update-settings';
import { facilitySettingsFor } from '../groups/facility-settings';
import { procedure, router } from '../trpc';

export const facilityRouter = router({
  overview: procedure('facility.overview').query(({ ctx }) => facilityOverview(ctx, ctx.staff)),
  settings: procedure('facility.settings').query(({ ctx }) =>
    facilitySettingsFor(ctx.db, ctx.staff.facility.id),
  ),
  updateSettings: procedure('facility.updateSettings')
    .input(facilitySettingsInput)
    .mutation(({ ctx, input }) => updateFacilitySettings(ctx, ctx.staff, input)),
  securitySettings: procedure('facility.securitySettings').query(({ ctx }) =>
    securitySettings(ctx, ctx.staff),
  ),
  updateSecuritySettings: procedure('facility.updateSecuritySettings')
    .input(securitySettingsInput)
    .mutation(({ ctx, input }) => updateSecuritySettings(ctx, ctx.staff, input)),
  flagSettings: procedure('facility.flagSettings').query(({ ctx }) =>
    flagSettingsFor(ctx.db, ctx.staff.facility.id),
  ),
  updateFlagSettings: procedure('facility.updateFlagSettings')
    .input(flagSettingsInput)
    .mutation(({ ctx, input }) => updateFlagSettings(ctx, ctx.staff, input)),
  milestoneSets: procedure('facility.milestoneSets').query(({ ctx }) =>
    milestoneSetTexts(ctx.db, ctx.staff.facility.id),
  ),
  updateMilestoneSet: procedure('facility.updateMilestoneSet')
    .input(milestoneSetInput)
    .mutation(({ ctx, input }) => updateMilestoneSet(ctx, ctx.staff, input)),
  followUpDays: procedure('facility.followUpDays').query(({ ctx }) =>
    followUpDaysFor(ctx, ctx.staff),
  ),
  updateFollowUpDays: procedure('facility.updateFollowUpDays')
    .input(followUpDaysInput)
    .mutation(({ ctx, input }) => updateFollowUpDays(ctx, ctx.staff, input)),
});
