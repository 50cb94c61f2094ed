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
import { procedure, router } from '../trpc';

export const sessionsRouter = router({
  today: procedure('sessions.today').query(({ ctx }) => today(ctx, ctx.staff)),
  get: procedure('sessions.get')
    .input(sessionIdInput)
    .query(({ ctx, input }) => getSession(ctx, ctx.staff, input.sessionId)),
  saveAttendance: procedure('sessions.saveAttendance')
    .input(saveAttendanceInput)
    .mutation(({ ctx, input }) => saveAttendance(ctx, ctx.staff, input)),
  sign: procedure('sessions.sign')
    .input(signSessionInput)
    .mutation(({ ctx, input }) => signSession(ctx, ctx.staff, input)),
  cancel: procedure('sessions.cancel')
    .input(cancelSessionInput)
    .mutation(({ ctx, input }) => cancelSession(ctx, ctx.staff, input)),
  createAdHoc: procedure('sessions.createAdHoc')
    .input(adHocSessionInput)
    .mutation(({ ctx, input }) => createAdHocSession(ctx, ctx.staff, input)),
});
