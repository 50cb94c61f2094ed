import type { AssessmentOccasion, InstrumentCode, WordingOverrides } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** Which instruments a facility uses, and its wording where the public copies disagree. */
export interface FacilityInstrumentsTable {
  facilityId: string;
  instrumentCode: InstrumentCode;
  enabled: boolean;
  wording: Generated<WordingOverrides>;
  updatedBy: string;
  updatedAt: Generated<Date>;
}
export type FacilityInstrument = Selectable<FacilityInstrumentsTable>;

/** One administration of one instrument, with the answers as given and the scores they made. */
export interface AssessmentsTable {
  id: Generated<string>;
  facilityId: string;
  clientId: string;
  instrumentCode: InstrumentCode;
  instrumentVersion: number;
  occasion: AssessmentOccasion;
  /** YYYY-MM-DD */
  administeredOn: string;
  followUpTaskId: string | null;
  /** Item id → answer value. */
  answers: Record<string, number>;
  totalScore: number | null;
  /** Subscale id → score. */
  subscaleScores: Generated<Record<string, number>>;
  band: string | null;
  safetyConcern: Generated<boolean>;
  administeredBy: string;
  recordedAt: Generated<Date>;
}
export type Assessment = Selectable<AssessmentsTable>;
export type NewAssessment = Insertable<AssessmentsTable>;
