import {
  alumniListInput,
  clientIdInput,
  consentInput,
  createReferralsInput,
  disclosureInput,
  followUpAttemptInput,
  followUpChoiceInput,
  followUpQueueInput,
  moveReferralInput,
  referralPreferencesInput,
  revokeConsentInput,
} from '@homegroup/validators';
import { alumniList, alumnusPage } from '../alumni/alumnus-page';
import { recordConsent, recordDisclosure, revokeConsent } from '../alumni/consents';
import { followUpQueue, recordFollowUpAttempt, setFollowUpChoice } from '../alumni/follow-ups';
import { saveReferralPreferences } from '../alumni/preferences';
import { createReferrals, matchedMeetings, moveReferral } from '../alumni/referrals';
import { procedure, router } from '../trpc';

export const alumniRouter = router({
  list: procedure('alumni.list')
    .input(alumniListInput)
    .query(({ ctx, input }) => alumniList(ctx, ctx.staff, input)),
  page: procedure('alumni.page')
    .input(clientIdInput)
    .query(({ ctx, input }) => alumnusPage(ctx, ctx.staff, input.clientId)),
  matches: procedure('alumni.matches')
    .input(clientIdInput)
    .query(({ ctx, input }) => matchedMeetings(ctx, ctx.staff, input.clientId)),
  savePreferences: procedure('alumni.savePreferences')
    .input(referralPreferencesInput)
    .mutation(({ ctx, input }) => saveReferralPreferences(ctx, ctx.staff, input)),
  refer: procedure('alumni.refer')
    .input(createReferralsInput)
    .mutation(({ ctx, input }) => createReferrals(ctx, ctx.staff, input)),
  moveReferral: procedure('alumni.moveReferral')
    .input(moveReferralInput)
    .mutation(({ ctx, input }) => moveReferral(ctx, ctx.staff, input)),
  recordConsent: procedure('alumni.recordConsent')
    .input(consentInput)
    .mutation(({ ctx, input }) => recordConsent(ctx, ctx.staff, input)),
  revokeConsent: procedure('alumni.revokeConsent')
    .input(revokeConsentInput)
    .mutation(({ ctx, input }) => revokeConsent(ctx, ctx.staff, input)),
  recordDisclosure: procedure('alumni.recordDisclosure')
    .input(disclosureInput)
    .mutation(({ ctx, input }) => recordDisclosure(ctx, ctx.staff, input)),
  followUpQueue: procedure('alumni.followUpQueue')
    .input(followUpQueueInput)
    .query(({ ctx, input }) => followUpQueue(ctx, ctx.staff, input)),
  recordFollowUp: procedure('alumni.recordFollowUp')
    .input(followUpAttemptInput)
    .mutation(({ ctx, input }) => recordFollowUpAttempt(ctx, ctx.staff, input)),
  setFollowUpChoice: procedure('alumni.setFollowUpChoice')
    .input(followUpChoiceInput)
    .mutation(({ ctx, input }) => setFollowUpChoice(ctx, ctx.staff, input)),
});
