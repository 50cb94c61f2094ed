import { clientIdInput, clientsListInput } from '@homegroup/validators';
import { attendanceHistory } from '../clients/attendance-history';
import { getClient } from '../clients/get-client';
import { listClients } from '../clients/list-clients';
import { allow, router } from '../trpc';

const clinical = allow('admin', 'counselor');

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
});
