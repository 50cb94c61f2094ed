import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/** After any change to a client, everything shown about clients is fetched again. */
export function useRefreshClients() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.clients.pathKey() });
}
