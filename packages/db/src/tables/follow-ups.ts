import type {
  AbstinenceAnswer,
  ContactOutcome,
  FollowUpTaskStatus,
  HousingStatus,
  WorkStatus,
} from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** A follow-up call owed to an alumnus a set number of days after discharge. */
export interface FollowUpTasksTable {
  id: Generated<string>;
  facilityId: string;
  clientId: string;
  daysAfterDischarge: number;
  dueOn: string;
  status: FollowUpTaskStatus;
  closedAt: Date | null;
  closedBy: string | null;
  cancelReason: string | null;
  createdAt: Generated<Date>;
}
export type FollowUpTask = Selectable<FollowUpTasksTable>;
export type NewFollowUpTask = Insertable<FollowUpTasksTable>;

/** One attempt to reach the alumnus; a reached call carries their answers. */
export interface FollowUpAttemptsTable {
  id: Generated<string>;
  taskId: string;
  facilityId: string;
  clientId: string;
  outcome: ContactOutcome;
  attemptedAt: Date;
  note: string | null;
  communityMeetings: number | null;
  hasSponsor: boolean | null;
  abstinent: AbstinenceAnswer | null;
  housing: HousingStatus | null;
  workOrSchool: WorkStatus | null;
  madeBy: string;
  recordedAt: Generated<Date>;
}
export type FollowUpAttempt = Selectable<FollowUpAttemptsTable>;
