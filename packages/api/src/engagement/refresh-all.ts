import type { Db } from '@homegroup/db';
import { facilityToday, refreshStaleMetrics } from './client-metrics';

/**
 * Brings every facility's engagement figures up to its own today. Run in the background so the
 * first caseload view after midnight does not pay for the day's recompute.
 */
export async function refreshAllFacilities(db: Db, now: Date): Promise<number> {
  const facilities = await db.selectFrom('facilities').select(['id', 'timeZone']).execute();
  let refreshed = 0;
  for (const f of facilities) refreshed += await refreshStaleMetrics(db, f, facilityToday(f, now));
  return refreshed;
}
