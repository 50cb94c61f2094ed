import {
  INSTRUMENT_CODES,
  type InstrumentCode,
  type InstrumentDefinition,
  instrumentDefinition,
  withWording,
  wordingProblems,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { InstrumentSettingInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField } from '../errors';

export interface FacilityInstrument {
  definition: InstrumentDefinition;
  enabled: boolean;
}

/** Every instrument of the library, with the facility's switch and wording (on by default). */
export async function facilityInstruments(
  db: Db,
  facilityId: string,
): Promise<FacilityInstrument[]> {
  const rows = await db
    .selectFrom('facilityInstruments')
    .select(['instrumentCode', 'enabled', 'wording'])
    .where('facilityId', '=', facilityId)
    .execute();
  const byCode = new Map(rows.map((r) => [r.instrumentCode, r]));
  return INSTRUMENT_CODES.map((code) => {
    const row = byCode.get(code);
    const base = instrumentDefinition(code);
    return {
      definition: row ? withWording(base, row.wording) : base,
      enabled: row?.enabled ?? true,
    };
  });
}

/** The instrument as the facility uses it; refused when switched off there. */
export async function enabledInstrument(
  db: Db,
  facilityId: string,
  code: InstrumentCode,
): Promise<InstrumentDefinition> {
  const found = (await facilityInstruments(db, facilityId)).find((i) => i.definition.code === code);
  if (!found?.enabled) {
    throw new AppError(
      'BAD_INPUT',
      `${instrumentDefinition(code).shortName} is switched off at this facility.`,
      { fieldErrors: { instrument: ['This instrument is switched off at this facility.'] } },
    );
  }
  return found.definition;
}

/** An admin switches an instrument on or off, or sets the wording where copies disagree. */
export async function updateInstrumentSetting(
  ctx: Context,
  staff: StaffContext,
  input: InstrumentSettingInput,
) {
  const base = instrumentDefinition(input.instrument);
  const wording = input.wording ?? {};
  const problems = wordingProblems(base, wording);
  if (problems[0]) refuseField('wording', problems[0]);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('facilityInstruments')
      .select(['enabled', 'wording'])
      .where('facilityId', '=', staff.facility.id)
      .where('instrumentCode', '=', input.instrument)
      .executeTakeFirst();
    await trx
      .insertInto('facilityInstruments')
      .values({
        facilityId: staff.facility.id,
        instrumentCode: input.instrument,
        enabled: input.enabled,
        wording: JSON.stringify(wording) as never,
        updatedBy: staff.userId,
      })
      .onConflict((oc) =>
        oc.columns(['facilityId', 'instrumentCode']).doUpdateSet({
          enabled: input.enabled,
          wording: JSON.stringify(wording) as never,
          updatedBy: staff.userId,
          updatedAt: ctx.now(),
        }),
      )
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'facility_instrument',
      entityId: input.instrument,
      detail: {
        before: before ?? { enabled: true, wording: {} },
        after: { enabled: input.enabled, wording },
      },
    });
    return { instrument: input.instrument, enabled: input.enabled };
  });
}
