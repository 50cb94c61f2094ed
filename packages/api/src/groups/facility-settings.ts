import type { Db } from '@homegroup/db';

export interface FacilityGroupSettings {
  monitorsLogAnySession: boolean;
  overdueAfterHours: number;
  sessionWindowWeeks: number;
}

const DEFAULTS: FacilityGroupSettings = {
  monitorsLogAnySession: false,
  overdueAfterHours: 24,
  sessionWindowWeeks: 4,
};

/** A facility's settings for groups; the defaults where none were saved. */
export async function facilitySettingsFor(
  db: Db,
  facilityId: string,
): Promise<FacilityGroupSettings> {
  const row = await db
    .selectFrom('facilitySettings')
    .select(['monitorsLogAnySession', 'overdueAfterHours', 'sessionWindowWeeks'])
    .where('facilityId', '=', facilityId)
    .executeTakeFirst();
  return row ?? DEFAULTS;
}
