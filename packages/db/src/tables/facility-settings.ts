import type { Generated, Selectable, Updateable } from 'kysely';

export interface FacilitySettingsTable {
  facilityId: string;
  /** false: monitors log only the sessions they monitor; true: any session at the facility. */
  monitorsLogAnySession: Generated<boolean>;
  /** A past session still lacking attendance or a signature after this long is overdue. */
  overdueAfterHours: Generated<number>;
  /** How far ahead sessions are generated from each group's schedule. */
  sessionWindowWeeks: Generated<number>;
  updatedAt: Generated<Date>;
}
export type FacilitySettings = Selectable<FacilitySettingsTable>;
export type FacilitySettingsUpdate = Updateable<FacilitySettingsTable>;
