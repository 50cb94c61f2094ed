import {
  adHocSessionInput,
  cancelSessionInput,
  saveAttendanceInput,
  sessionIdInput,
  signSessionInput,
} from '@homegroup/validators';
import { getSession } from '../sessions/get-session';
import { saveAttendance } from '../sessions/save-attendance';
import { cancelSession, createAdHocSession, signSession } from '../sessions/session-lifecycle';
import { today } from '../sessions/today';
import { allow, router } from '../trpc';

const sessionStaff = allow('admin', 'counselor', 'group_monitor');

export const sessionsRouter = router({
  today: sessionStaff.query(({ ctx }) => today(ctx, ctx.staff)),
  get: sessionStaff
    .input(sessionIdInput)
    .query(({ ctx, input }) => getSession(ctx, ctx.staff, input.sessionId)),
  saveAttendance: sessionStaff
    .input(saveAttendanceInput)
    .mutation(({ ctx, input }) => saveAttendance(ctx, ctx.staff, input)),
  sign: sessionStaff
    .input(signSessionInput)
    .mutation(({ ctx, input }) => signSession(ctx, ctx.staff, input)),
  cancel: sessionStaff
    .input(cancelSessionInput)
    .mutation(({ ctx, input }) => cancelSession(ctx, ctx.staff, input)),
  createAdHoc: sessionStaff
    .input(adHocSessionInput)
    .mutation(({ ctx, input }) => createAdHocSession(ctx, ctx.staff, input)),
});
