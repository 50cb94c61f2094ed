import { alumniRouter } from './routers/alumni';
import { authRouter } from './routers/auth';
import { clientsRouter } from './routers/clients';
import { facilityRouter } from './routers/facility';
import { groupsRouter } from './routers/groups';
import { meetingsRouter } from './routers/meetings';
import { sessionsRouter } from './routers/sessions';
import { router } from './trpc';

export const appRouter = router({
  alumni: alumniRouter,
  auth: authRouter,
  clients: clientsRouter,
  facility: facilityRouter,
  groups: groupsRouter,
  meetings: meetingsRouter,
  sessions: sessionsRouter,
});

export type AppRouter = typeof appRouter;
