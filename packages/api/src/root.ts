import { alumniRouter } from './routers/alumni';
import { assessmentsRouter } from './routers/assessments';
import { authRouter } from './routers/auth';
import { clientsRouter } from './routers/clients';
import { facilityRouter } from './routers/facility';
import { groupsRouter } from './routers/groups';
import { meetingsRouter } from './routers/meetings';
import { outcomesRouter } from './routers/outcomes';
import { sessionsRouter } from './routers/sessions';
import { router } from './trpc';

export const appRouter = router({
  alumni: alumniRouter,
  assessments: assessmentsRouter,
  auth: authRouter,
  clients: clientsRouter,
  facility: facilityRouter,
  groups: groupsRouter,
  meetings: meetingsRouter,
  outcomes: outcomesRouter,
  sessions: sessionsRouter,
});

export type AppRouter = typeof appRouter;
