import { authRouter } from './routers/auth';
import { clientsRouter } from './routers/clients';
import { facilityRouter } from './routers/facility';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  clients: clientsRouter,
  facility: facilityRouter,
});

export type AppRouter = typeof appRouter;
