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
import { procedure, router } from '../trpc';

const mineInput = z.object({ mine: z.boolean().default(false) });

export const clientsRouter = router({
  attendanceHistory: procedure('clients.attendanceHistory')
    .input(clientIdInput)
    .query(({ ctx, input }) => attendanceHistory(ctx, ctx.staff, input.clientId)),
  list: procedure('clients.list')
    .input(clientsListInput)
    .query(({ ctx, input }) => listClients(ctx, ctx.staff, input)),
  get: procedure('clients.get')
    .input(clientIdInput)
    .query(({ ctx, input }) => getClient(ctx, ctx.staff, input.clientId)),
  caseload: procedure('clients.caseload')
    .input(caseloadInput)
    .query(({ ctx, input }) => caseload(ctx, ctx.staff, input)),
  page: procedure('clients.page')
    .input(clientIdInput)
    .query(({ ctx, input }) => clientPage(ctx, ctx.staff, input.clientId)),
  counselors: procedure('clients.counselors').query(({ ctx }) =>
    staffOptions(ctx, ctx.staff, ['counselor', 'admin']),
  ),
  needsAttention: procedure('clients.needsAttention')
    .input(mineInput)
    .query(({ ctx, input }) => needsAttention(ctx, ctx.staff, input)),
  upcomingMilestones: procedure('clients.upcomingMilestones')
    .input(mineInput)
    .query(({ ctx, input }) => upcomingMilestones(ctx, ctx.staff, input)),
  admit: procedure('clients.admit')
    .input(clientRecordInput)
    .mutation(({ ctx, input }) => admitClient(ctx, ctx.staff, input)),
  update: procedure('clients.update')
    .input(updateClientInput)
    .mutation(({ ctx, input }) => updateClient(ctx, ctx.staff, input)),
  discharge: procedure('clients.discharge')
    .input(dischargeInput)
    .mutation(({ ctx, input }) => dischargeClient(ctx, ctx.staff, input)),
  addFamilyMember: procedure('clients.addFamilyMember')
    .input(familyMemberInput)
    .mutation(({ ctx, input }) => addFamilyMember(ctx, ctx.staff, input)),
  setStep: procedure('clients.setStep')
    .input(stepWorkInput)
    .mutation(({ ctx, input }) => setStepWork(ctx, ctx.staff, input)),
  addGoal: procedure('clients.addGoal')
    .input(goalInput)
    .mutation(({ ctx, input }) => addGoal(ctx, ctx.staff, input)),
  addGoalNote: procedure('clients.addGoalNote')
    .input(goalNoteInput)
    .mutation(({ ctx, input }) => addGoalNote(ctx, ctx.staff, input)),
  acknowledgeFlag: procedure('clients.acknowledgeFlag')
    .input(acknowledgeFlagInput)
    .mutation(({ ctx, input }) => acknowledgeFlag(ctx, ctx.staff, input)),
});
