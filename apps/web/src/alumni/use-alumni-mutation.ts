import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/** After any change to alumni work, everything shown about alumni is fetched again. */
export function useRefreshAlumni() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.alumni.pathKey() });
}

/** Today's date in the browser, for date fields' defaults (the server checks against the facility's). */
export function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
