import { ASSESSMENT_OCCASIONS, INSTRUMENT_CODES, LEVELS_OF_CARE } from '@homegroup/core';
import { z } from 'zod';
import { id, isoDate, optionalText } from './fields';

const instrumentCode = z.enum(INSTRUMENT_CODES, { error: 'Choose an instrument from the list.' });

/** One administration. The answers are checked against the instrument's own items on the server. */
export const assessmentInput = z.object({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
  instrument: instrumentCode,
  occasion: z.enum(Object.keys(ASSESSMENT_OCCASIONS) as [keyof typeof ASSESSMENT_OCCASIONS], {
    error: 'Choose when this assessment was given.',
  }),
  administeredOn: isoDate('the date it was given'),
  followUpTaskId: z.uuid({ error: 'Choose the follow-up call from the list.' }).nullish(),
  answers: z.record(z.string().max(10, 'That is not an item of this instrument.'), z.unknown(), {
    error: 'Give the answers.',
  }),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const instrumentSettingInput = z.object({
  instrument: instrumentCode,
  enabled: z.boolean({ error: 'Say whether the instrument is used.' }),
  wording: z
    .object({
      items: z.record(z.string().max(10), z.string().max(2000)).optional(),
      options: z
        .record(z.string().max(10), z.record(z.string().max(10), z.string().max(2000)))
        .optional(),
    })
    .optional(),
});
export type InstrumentSettingInput = z.infer<typeof instrumentSettingInput>;

/** The outcome dashboard's filters; each is checked against what the staff member may see. */
export const outcomeFiltersInput = z.object({
  from: isoDate('the start date'),
  to: isoDate('the end date'),
  facilityIds: z.array(id('a facility')).max(100).optional(),
  programTrack: optionalText(200, 'The program track'),
  levelOfCare: z
    .enum(Object.keys(LEVELS_OF_CARE) as [keyof typeof LEVELS_OF_CARE], {
      error: 'Choose a level of care from the list.',
    })
    .nullish(),
  counselorId: id('a counselor').nullish(),
  groupId: id('a group').nullish(),
});
export type OutcomeFiltersInput = z.infer<typeof outcomeFiltersInput>;
