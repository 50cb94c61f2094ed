import { matchMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../trpc';
import { forgetAllDrafts, tabStorage } from './draft-store';

/**
 * Signing out with the button forgets any unsaved attendance kept in this tab. Only that button
 * runs the sign-out as a mutation of the query client; a session that times out or is ended on
 * the server keeps the entries, to be saved after signing in again.
 */
export function useForgetDraftsOnSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const signOut = { mutationKey: trpc.auth.signOut.mutationKey() };
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'added' && matchMutation(signOut, event.mutation)) {
        forgetAllDrafts(tabStorage());
      }
    });
  }, [trpc, queryClient]);
}
