import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { activity, markUserActivity } from '../lib/activity';
import { signInUrl } from '../lib/sign-in-url';
import { useTRPC, useTRPCClient } from '../trpc';

const TICK_MS = 10_000;
const KEEP_ALIVE_MS = 60_000;

/**
 * Automatic log-off. The server ends a session after `idleMinutes` without a request; here a
 * person who is typing or tapping (a long group note, say) counts as active, so their session is
 * kept alive, and one who walks away is signed out and sent to sign in, with the page remembered.
 */
export function useIdleSignOut(idleMinutes: number) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, markUserActivity, { passive: true });
    markUserActivity();

    const timer = window.setInterval(async () => {
      const now = Date.now();
      const { lastApi, lastUser } = activity();
      const idleLimit = idleMinutes * 60_000;
      if (now - lastUser >= idleLimit) {
        window.clearInterval(timer);
        await client.auth.signOut.mutate().catch(() => undefined);
        queryClient.clear();
        window.location.assign(
          signInUrl('idle_timeout', window.location.pathname + window.location.search),
        );
        return;
      }
      if (now - lastUser < KEEP_ALIVE_MS && now - lastApi >= KEEP_ALIVE_MS) {
        // The person is here but has not needed the server lately: tell it they are.
        void queryClient.refetchQueries({ queryKey: trpc.auth.me.queryKey() });
      }
    }, TICK_MS);

    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, markUserActivity);
    };
  }, [idleMinutes, client, queryClient, trpc]);
}
