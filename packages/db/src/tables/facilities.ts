import type { Generated, Insertable, Selectable } from 'kysely';

export interface FacilitiesTable {
  id: Generated<string>;
  organizationId: string;
  name: string;
  /** IANA time zone name; "today" and schedules are computed in it. */
  timeZone: string;
  createdAt: Generated<Date>;
}
export type Facility = Selectable<FacilitiesTable>;
export type NewFacility = Insertable<FacilitiesTable>;
