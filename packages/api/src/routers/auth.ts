import { ROLES } from '@homegroup/core';
import { signInInput, switchFacilityInput } from '@homegroup/validators';
import { currentStaff } from '../auth/current-staff';
import { signIn } from '../auth/sign-in';
import { signOut } from '../auth/sign-out';
import { switchFacility } from '../auth/switch-facility';
import { allow, publicProcedure, router } from '../trpc';

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: publicProcedure.mutation(({ ctx }) => signOut(ctx)),
  me: allow(...ROLES).query(({ ctx }) => currentStaff(ctx, ctx.staff)),
  switchFacility: allow(...ROLES)
    .input(switchFacilityInput)
    .mutation(({ ctx, input }) => switchFacility(ctx, ctx.staff, input.facilityId)),
});
