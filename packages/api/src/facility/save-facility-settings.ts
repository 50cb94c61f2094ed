import type { Db, FacilitySettingsUpdate } from '@homegroup/db';

/**
 * Writes some of a facility's settings, creating its settings row on first use (every column
 * not given keeps its default). Callers audit the change themselves, with before and after.
 */
export async function saveFacilitySettings(
  db: Db,
  facilityId: string,
  values: Omit<FacilitySettingsUpdate, 'facilityId' | 'updatedAt'>,
  now: Date,
): Promise<void> {
  const row = { ...values, updatedAt: now };
  await db
    .insertInto('facilitySettings')
    .values({ facilityId, ...row })
    .onConflict((oc) => oc.column('facilityId').doUpdateSet(row))
    .execute();
}
