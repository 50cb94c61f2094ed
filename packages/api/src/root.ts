import { alumniRouter } from './routers/alumni';
import { assessmentsRouter } from './routers/assessments';
import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { clientsRouter } from './routers/clients';
import { emergencyRouter } from './routers/emergency';
import { facilityRouter } from './routers/facility';
import { groupsRouter } from './routers/groups';
import { meetingsRouter } from './routers/meetings';
import { outcomesRouter } from './routers/outcomes';
import { sessionsRouter } from './routers/sessions';
import { staffRouter } from './routers/staff';
import { router } from './trpc';

export const appRouter = router({
  alumni: alumniRouter,
  assessments: assessmentsRouter,
  audit: auditRouter,
  auth: authRouter,
  clients: clientsRouter,
  emergency: emergencyRouter,
  facility: facilityRouter,
  groups: groupsRouter,
  meetings: meetingsRouter,
  outcomes: outcomesRouter,
  sessions: sessionsRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
