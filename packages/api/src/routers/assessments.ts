import { assessmentInput, clientIdInput, instrumentSettingInput } from '@homegroup/validators';
import { clientOutcomes } from '../assessments/client-outcomes';
import { facilityInstruments, updateInstrumentSetting } from '../assessments/instrument-settings';
import { saveAssessment } from '../assessments/save-assessment';
import { allow, router } from '../trpc';

/** Assessments are clinical: never for group monitors. Coordinators give them at follow-ups. */
const assessors = allow('admin', 'counselor', 'alumni_coordinator');

export const assessmentsRouter = router({
  /** The instruments this facility uses, with their items, for the form. */
  instruments: assessors.query(async ({ ctx }) =>
    (await facilityInstruments(ctx.db, ctx.staff.facility.id))
      .filter((i) => i.enabled)
      .map((i) => i.definition),
  ),
  save: assessors
    .input(assessmentInput)
    .mutation(({ ctx, input }) => saveAssessment(ctx, ctx.staff, input)),
  clientOutcomes: assessors
    .input(clientIdInput)
    .query(({ ctx, input }) => clientOutcomes(ctx, ctx.staff, input.clientId)),
  settings: allow('admin').query(({ ctx }) => facilityInstruments(ctx.db, ctx.staff.facility.id)),
  updateSetting: allow('admin')
    .input(instrumentSettingInput)
    .mutation(({ ctx, input }) => updateInstrumentSetting(ctx, ctx.staff, input)),
});
