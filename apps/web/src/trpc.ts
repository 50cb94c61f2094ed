import type { AppRouter } from '@homegroup/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { markApiActivity } from './lib/activity';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        fetch: (url, options) => {
          markApiActivity();
          return fetch(url, { ...options, credentials: 'same-origin' });
        },
      }),
    ],
  });
}
