import type { StepStatus } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** A client's progress on one of the Twelve Steps; a step with no row is not started. */
export interface StepWorkTable {
  clientId: string;
  facilityId: string;
  step: number;
  status: StepStatus;
  startedOn: string | null;
  completedOn: string | null;
  updatedBy: string;
  updatedAt: Generated<Date>;
}
export type StepWork = Selectable<StepWorkTable>;
export type NewStepWork = Insertable<StepWorkTable>;
