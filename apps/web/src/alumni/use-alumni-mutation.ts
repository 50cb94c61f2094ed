import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/** After any change to alumni work, everything shown about alumni is fetched again. */
export function useRefreshAlumni() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.alumni.pathKey() });
}
