import type { FacilityScope } from '../access';
import type { StaffContext } from '../context';
import { AppError } from '../errors';

export const TWO_FACTOR_SETUP_REQUIRED =
  'This facility requires admins to sign in with a code from an authenticator app. Set it up under Account security to go on.';

/**
 * An admin whose facility requires two-step sign-in, and who has not set it up, reaches only their
 * own account (to set it up) until they do.
 */
export function refuseUntilTwoFactorSetUp(staff: StaffContext, scope: FacilityScope): void {
  if (staff.twoFactorSetupRequired && scope !== 'self') {
    throw new AppError('FORBIDDEN', TWO_FACTOR_SETUP_REQUIRED, {
      authReason: 'two_factor_setup_required',
    });
  }
}
