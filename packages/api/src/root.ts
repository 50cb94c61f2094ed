import { authRouter } from './routers/auth';
import { clientsRouter } from './routers/clients';
import { facilityRouter } from './routers/facility';
import { groupsRouter } from './routers/groups';
import { sessionsRouter } from './routers/sessions';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  clients: clientsRouter,
  facility: facilityRouter,
  groups: groupsRouter,
  sessions: sessionsRouter,
});

export type AppRouter = typeof appRouter;
