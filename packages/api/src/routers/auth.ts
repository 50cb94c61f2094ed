import {
  changePasswordInput,
  confirmTwoFactorInput,
  endSessionInput,
  signInCodeInput,
  signInInput,
  switchFacilityInput,
  turnOffTwoFactorInput,
} from '@homegroup/validators';
import {
  changePassword,
  confirmTwoFactor,
  startTwoFactor,
  turnOffTwoFactor,
  twoFactorStatus,
} from '../auth/account-security';
import { currentStaff } from '../auth/current-staff';
import { endOwnSessions, ownSessions } from '../auth/own-sessions';
import { signIn, signInWithCode } from '../auth/sign-in';
import { signOut } from '../auth/sign-out';
import { switchFacility } from '../auth/switch-facility';
import { openProcedure, procedure, router } from '../trpc';

export const authRouter = router({
  signIn: openProcedure('auth.signIn')
    .input(signInInput)
    .mutation(({ ctx, input }) => signIn(ctx, input)),
  signInCode: openProcedure('auth.signInCode')
    .input(signInCodeInput)
    .mutation(({ ctx, input }) => signInWithCode(ctx, input)),
  signOut: openProcedure('auth.signOut').mutation(({ ctx }) => signOut(ctx)),
  me: procedure('auth.me').query(({ ctx }) => currentStaff(ctx, ctx.staff)),
  switchFacility: procedure('auth.switchFacility')
    .input(switchFacilityInput)
    .mutation(({ ctx, input }) => switchFacility(ctx, ctx.staff, input.facilityId)),
  changePassword: procedure('auth.changePassword')
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, ctx.staff, input)),
  twoFactorStatus: procedure('auth.twoFactorStatus').query(({ ctx }) =>
    twoFactorStatus(ctx, ctx.staff),
  ),
  startTwoFactor: procedure('auth.startTwoFactor').mutation(({ ctx }) =>
    startTwoFactor(ctx, ctx.staff),
  ),
  confirmTwoFactor: procedure('auth.confirmTwoFactor')
    .input(confirmTwoFactorInput)
    .mutation(({ ctx, input }) => confirmTwoFactor(ctx, ctx.staff, input)),
  turnOffTwoFactor: procedure('auth.turnOffTwoFactor')
    .input(turnOffTwoFactorInput)
    .mutation(({ ctx, input }) => turnOffTwoFactor(ctx, ctx.staff, input)),
  mySessions: procedure('auth.mySessions').query(({ ctx }) => ownSessions(ctx, ctx.staff)),
  endSession: procedure('auth.endSession')
    .input(endSessionInput)
    .mutation(({ ctx, input }) => endOwnSessions(ctx, ctx.staff, input)),
  endOtherSessions: procedure('auth.endOtherSessions').mutation(({ ctx }) =>
    endOwnSessions(ctx, ctx.staff, 'others'),
  ),
});
