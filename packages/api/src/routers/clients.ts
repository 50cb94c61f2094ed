import {
  acknowledgeFlagInput,
  caseloadInput,
  clientIdInput,
  clientRecordInput,
  clientsListInput,
  dischargeInput,
  familyMemberInput,
  goalInput,
  goalNoteInput,
  stepWorkInput,
  updateClientInput,
} from '@homegroup/validators';
import { z } from 'zod';
import { attendanceHistory } from '../clients/attendance-history';
import { caseload } from '../clients/caseload';
import {
  acknowledgeFlag,
  addFamilyMember,
  addGoal,
  addGoalNote,
  setStepWork,
} from '../clients/client-care';
import { clientPage } from '../clients/client-page';
import { getClient } from '../clients/get-client';
import { listClients } from '../clients/list-clients';
import { upcomingMilestones } from '../clients/milestones';
import { needsAttention } from '../clients/needs-attention';
import { admitClient, dischargeClient, updateClient } from '../clients/save-client';
import { staffOptions } from '../groups/staff-options';
import { allow, router } from '../trpc';

const clinical = allow('admin', 'counselor');
const mineInput = z.object({ mine: z.boolean().default(false) });

export const clientsRouter = router({
  attendanceHistory: clinical
    .input(clientIdInput)
    .query(({ ctx, input }) => attendanceHistory(ctx, ctx.staff, input.clientId)),
  list: clinical
    .input(clientsListInput)
    .query(({ ctx, input }) => listClients(ctx, ctx.staff, input)),
  get: clinical
    .input(clientIdInput)
    .query(({ ctx, input }) => getClient(ctx, ctx.staff, input.clientId)),
  caseload: clinical
    .input(caseloadInput)
    .query(({ ctx, input }) => caseload(ctx, ctx.staff, input)),
  page: clinical
    .input(clientIdInput)
    .query(({ ctx, input }) => clientPage(ctx, ctx.staff, input.clientId)),
  counselors: clinical.query(({ ctx }) => staffOptions(ctx, ctx.staff, ['counselor', 'admin'])),
  needsAttention: clinical
    .input(mineInput)
    .query(({ ctx, input }) => needsAttention(ctx, ctx.staff, input)),
  upcomingMilestones: clinical
    .input(mineInput)
    .query(({ ctx, input }) => upcomingMilestones(ctx, ctx.staff, input)),
  admit: clinical
    .input(clientRecordInput)
    .mutation(({ ctx, input }) => admitClient(ctx, ctx.staff, input)),
  update: clinical
    .input(updateClientInput)
    .mutation(({ ctx, input }) => updateClient(ctx, ctx.staff, input)),
  discharge: clinical
    .input(dischargeInput)
    .mutation(({ ctx, input }) => dischargeClient(ctx, ctx.staff, input)),
  addFamilyMember: clinical
    .input(familyMemberInput)
    .mutation(({ ctx, input }) => addFamilyMember(ctx, ctx.staff, input)),
  setStep: clinical
    .input(stepWorkInput)
    .mutation(({ ctx, input }) => setStepWork(ctx, ctx.staff, input)),
  addGoal: clinical.input(goalInput).mutation(({ ctx, input }) => addGoal(ctx, ctx.staff, input)),
  addGoalNote: clinical
    .input(goalNoteInput)
    .mutation(({ ctx, input }) => addGoalNote(ctx, ctx.staff, input)),
  acknowledgeFlag: clinical
    .input(acknowledgeFlagInput)
    .mutation(({ ctx, input }) => acknowledgeFlag(ctx, ctx.staff, input)),
});
