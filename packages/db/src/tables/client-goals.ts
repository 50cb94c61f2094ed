import type { GoalStatus } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** A personal recovery goal the client set, with its progress notes in `goal_notes`. */
export interface ClientGoalsTable {
  id: Generated<string>;
  clientId: string;
  facilityId: string;
  text: string;
  targetDate: string | null;
  status: Generated<GoalStatus>;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type ClientGoal = Selectable<ClientGoalsTable>;
export type NewClientGoal = Insertable<ClientGoalsTable>;

export interface GoalNotesTable {
  id: Generated<string>;
  goalId: string;
  facilityId: string;
  note: string;
  /** The goal's status after this note, when the note changed it. */
  statusAfter: GoalStatus | null;
  authorStaffId: string;
  createdAt: Generated<Date>;
}
export type GoalNote = Selectable<GoalNotesTable>;
