import type { Generated, Selectable } from 'kysely';

/** The sobriety milestones a facility celebrates for one fellowship (`default`: all others). */
export interface MilestoneSetsTable {
  facilityId: string;
  fellowship: string;
  /** As staff write it, e.g. `24h, 30d, 60d, 90d, 6m, 9m, 1y, 18m, yearly`. */
  milestones: string;
  updatedAt: Generated<Date>;
}
export type MilestoneSet = Selectable<MilestoneSetsTable>;
