import type { Generated, Insertable, Selectable } from 'kysely';

/** A person on a group's roster for a period. Exactly one of clientId and familyMemberId. */
export interface GroupEnrolmentsTable {
  id: Generated<string>;
  groupId: string;
  facilityId: string;
  clientId: string | null;
  familyMemberId: string | null;
  startDate: string;
  endDate: string | null;
  /** Why a closed group took someone mid-cycle, or a full one took one more. */
  overrideReason: string | null;
  endReason: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
}
export type GroupEnrolment = Selectable<GroupEnrolmentsTable>;
export type NewGroupEnrolment = Insertable<GroupEnrolmentsTable>;
