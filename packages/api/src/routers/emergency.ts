import {
  emergencyClientInput,
  findClientInput,
  openEmergencyAccessInput,
  reviewEmergencyAccessInput,
} from '@homegroup/validators';
import {
  emergencyClientRecord,
  emergencyReviewQueue,
  findClientForEmergency,
  openEmergencyAccess,
  reviewEmergencyAccess,
} from '../emergency/emergency-access';
import { procedure, router } from '../trpc';

export const emergencyRouter = router({
  findClient: procedure('emergency.findClient')
    .input(findClientInput)
    .query(({ ctx, input }) => findClientForEmergency(ctx, ctx.staff, input.query)),
  open: procedure('emergency.open')
    .input(openEmergencyAccessInput)
    .mutation(({ ctx, input }) => openEmergencyAccess(ctx, ctx.staff, input)),
  record: procedure('emergency.record')
    .input(emergencyClientInput)
    .query(({ ctx, input }) => emergencyClientRecord(ctx, ctx.staff, input.clientId)),
  reviewQueue: procedure('emergency.reviewQueue').query(({ ctx }) =>
    emergencyReviewQueue(ctx, ctx.staff),
  ),
  review: procedure('emergency.review')
    .input(reviewEmergencyAccessInput)
    .mutation(({ ctx, input }) => reviewEmergencyAccess(ctx, ctx.staff, input)),
});
