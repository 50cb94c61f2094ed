import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { z } from 'zod';
import { App } from './app';
import { needsTwoFactorSetup, sessionLostReason } from './lib/errors';
import { signInUrl } from './lib/sign-in-url';
import { createClient, TRPCProvider } from './trpc';
import './styles.css';

// The Content-Security-Policy forbids eval; without this zod probes for it and the browser
// reports a violation on every page load.
z.config({ jitless: true });

/**
 * When the server says the session is over, go to the sign-in page with the reason and the page
 * to come back to. A full page load also drops every cached record from memory.
 */
function onError(error: unknown, meta: Record<string, unknown> | undefined) {
  if (needsTwoFactorSetup(error) && window.location.pathname !== '/account') {
    window.location.assign('/account');
    return;
  }
  const reason = sessionLostReason(error);
  if (!reason || meta?.handlesSessionLoss || window.location.pathname === '/login') return;
  window.location.assign(signInUrl(reason, window.location.pathname + window.location.search));
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => onError(error, mutation.meta),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => sessionLostReason(error) === null && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const trpcClient = createClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
