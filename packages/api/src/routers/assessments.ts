import { assessmentInput, clientIdInput, instrumentSettingInput } from '@homegroup/validators';
import { clientOutcomes } from '../assessments/client-outcomes';
import { facilityInstruments, updateInstrumentSetting } from '../assessments/instrument-settings';
import { saveAssessment } from '../assessments/save-assessment';
import { procedure, router } from '../trpc';

export const assessmentsRouter = router({
  /** The instruments this facility uses, with their items, for the form. */
  instruments: procedure('assessments.instruments').query(async ({ ctx }) =>
    (await facilityInstruments(ctx.db, ctx.staff.facility.id))
      .filter((i) => i.enabled)
      .map((i) => i.definition),
  ),
  save: procedure('assessments.save')
    .input(assessmentInput)
    .mutation(({ ctx, input }) => saveAssessment(ctx, ctx.staff, input)),
  clientOutcomes: procedure('assessments.clientOutcomes')
    .input(clientIdInput)
    .query(({ ctx, input }) => clientOutcomes(ctx, ctx.staff, input.clientId)),
  settings: procedure('assessments.settings').query(({ ctx }) =>
    facilityInstruments(ctx.db, ctx.staff.facility.id),
  ),
  updateSetting: procedure('assessments.updateSetting')
    .input(instrumentSettingInput)
    .mutation(({ ctx, input }) => updateInstrumentSetting(ctx, ctx.staff, input)),
});
