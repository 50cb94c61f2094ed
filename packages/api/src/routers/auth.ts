import { signInInput, switchFacilityInput } from '@homegroup/validators';
import { currentStaff } from '../auth/current-staff';
import { signIn } from '../auth/sign-in';
import { signOut } from '../auth/sign-out';
import { switchFacility } from '../auth/switch-facility';
import { openProcedure, procedure, router } from '../trpc';

export const authRouter = router({
  signIn: openProcedure('auth.signIn')
    .input(signInInput)
    .mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: openProcedure('auth.signOut').mutation(({ ctx }) => signOut(ctx)),
  me: procedure('auth.me').query(({ ctx }) => currentStaff(ctx, ctx.staff)),
  switchFacility: procedure('auth.switchFacility')
    .input(switchFacilityInput)
    .mutation(({ ctx, input }) => switchFacility(ctx, ctx.staff, input.facilityId)),
});
