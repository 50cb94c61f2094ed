import type { RouterOutputs } from '@homegroup/api';
import { useQuery } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import { useTRPC } from '../trpc';

export type CurrentStaff = RouterOutputs['auth']['me'];

/** The signed-in staff member; loaded once by RequireSession. */
export function useMeQuery() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), meta: { handlesSessionLoss: true } });
}

/** Inside the shell, the staff member is always known. */
export function useCurrentStaff(): CurrentStaff {
  return useOutletContext<{ staff: CurrentStaff }>().staff;
}
