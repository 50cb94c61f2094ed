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
import { allow, router } from '../trpc';

/** Alumni work: the coordinator's job, and the clinical director's to oversee. */
const alumniStaff = allow('admin', 'alumni_coordinator');

export const alumniRouter = router({
  list: alumniStaff
    .input(alumniListInput)
    .query(({ ctx, input }) => alumniList(ctx, ctx.staff, input)),
  page: alumniStaff
    .input(clientIdInput)
    .query(({ ctx, input }) => alumnusPage(ctx, ctx.staff, input.clientId)),
  matches: alumniStaff
    .input(clientIdInput)
    .query(({ ctx, input }) => matchedMeetings(ctx, ctx.staff, input.clientId)),
  savePreferences: alumniStaff
    .input(referralPreferencesInput)
    .mutation(({ ctx, input }) => saveReferralPreferences(ctx, ctx.staff, input)),
  refer: alumniStaff
    .input(createReferralsInput)
    .mutation(({ ctx, input }) => createReferrals(ctx, ctx.staff, input)),
  moveReferral: alumniStaff
    .input(moveReferralInput)
    .mutation(({ ctx, input }) => moveReferral(ctx, ctx.staff, input)),
  recordConsent: alumniStaff
    .input(consentInput)
    .mutation(({ ctx, input }) => recordConsent(ctx, ctx.staff, input)),
  revokeConsent: alumniStaff
    .input(revokeConsentInput)
    .mutation(({ ctx, input }) => revokeConsent(ctx, ctx.staff, input)),
  recordDisclosure: alumniStaff
    .input(disclosureInput)
    .mutation(({ ctx, input }) => recordDisclosure(ctx, ctx.staff, input)),
  followUpQueue: alumniStaff
    .input(followUpQueueInput)
    .query(({ ctx, input }) => followUpQueue(ctx, ctx.staff, input)),
  recordFollowUp: alumniStaff
    .input(followUpAttemptInput)
    .mutation(({ ctx, input }) => recordFollowUpAttempt(ctx, ctx.staff, input)),
  setFollowUpChoice: alumniStaff
    .input(followUpChoiceInput)
    .mutation(({ ctx, input }) => setFollowUpChoice(ctx, ctx.staff, input)),
});
