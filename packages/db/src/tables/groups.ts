import type { Audience, GroupKind } from '@homegroup/core';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface GroupsTable {
  id: Generated<string>;
  facilityId: string;
  name: string;
  kind: GroupKind;
  /** Meeting Guide type codes */
  formatCodes: Generated<string[]>;
  audiences: Audience[];
  programTrack: string | null;
  minAge: number | null;
  participation: 'mandatory' | 'optional';
  enrolment: 'open' | 'closed';
  capacity: number | null;
  room: string | null;
  videoUrl: string | null;
  /** 0 = Sunday … 6 = Saturday */
  scheduleDays: number[];
  /** 'HH:MM' in the facility's time zone */
  startTime: string;
  durationMinutes: number;
  /** Closed groups: the day the current cycle began (YYYY-MM-DD). */
  cycleStartDate: string | null;
  /** The last day sessions have been generated for (YYYY-MM-DD). */
  sessionsThrough: Generated<string | null>;
  monitorStaffId: string;
  coFacilitatorStaffId: string | null;
  archivedAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type Group = Selectable<GroupsTable>;
export type NewGroup = Insertable<GroupsTable>;
export type GroupUpdate = Updateable<GroupsTable>;
