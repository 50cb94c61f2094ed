import {
  createStaffInput,
  setStaffActiveInput,
  setStaffRoleInput,
  staffMemberInput,
} from '@homegroup/validators';
import {
  createStaff,
  listStaff,
  resetStaffTwoFactor,
  setStaffActive,
  setStaffRole,
} from '../staff/staff-admin';
import { procedure, router } from '../trpc';

export const staffRouter = router({
  list: procedure('staff.list').query(({ ctx }) => listStaff(ctx, ctx.staff)),
  create: procedure('staff.create')
    .input(createStaffInput)
    .mutation(({ ctx, input }) => createStaff(ctx, ctx.staff, input)),
  setRole: procedure('staff.setRole')
    .input(setStaffRoleInput)
    .mutation(({ ctx, input }) => setStaffRole(ctx, ctx.staff, input)),
  setActive: procedure('staff.setActive')
    .input(setStaffActiveInput)
    .mutation(({ ctx, input }) => setStaffActive(ctx, ctx.staff, input)),
  resetTwoFactor: procedure('staff.resetTwoFactor')
    .input(staffMemberInput)
    .mutation(({ ctx, input }) => resetStaffTwoFactor(ctx, ctx.staff, input)),
});
