import type {
  DischargeType,
  Fellowship,
  FollowUpChoice,
  LevelOfCare,
  Substance,
  SupportPerson,
} from '@homegroup/core';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type ClientStatus = 'in_treatment' | 'alumni';

export interface ClientsTable {
  id: Generated<string>;
  facilityId: string;
  recordNumber: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  /** YYYY-MM-DD */
  admissionDate: string;
  /** YYYY-MM-DD */
  dischargeDate: string | null;
  status: ClientStatus;
  /** YYYY-MM-DD, when known */
  dateOfBirth: Generated<string | null>;
  pronouns: Generated<string | null>;
  primarySubstances: Generated<Substance[]>;
  /** An ASAM level of care code, e.g. `3.5`. */
  levelOfCare: Generated<LevelOfCare | null>;
  programTrack: Generated<string | null>;
  counselorStaffId: Generated<string | null>;
  /** YYYY-MM-DD: the first day of the current period of sobriety. */
  sobrietyDate: Generated<string | null>;
  preferredFellowship: Generated<Fellowship | null>;
  dischargeType: Generated<DischargeType | null>;
  alumniFollowUp: Generated<FollowUpChoice | null>;
  supportPerson: Generated<SupportPerson | null>;
  /** YYYY-MM-DD: since when the client has had that sponsor or mentor. */
  supportSince: Generated<string | null>;
  /** For alumni follow-up calls. */
  phone: Generated<string | null>;
  /** Raised by every edit, so two people editing the same record cannot overwrite each other. */
  version: Generated<number>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type Client = Selectable<ClientsTable>;
export type NewClient = Insertable<ClientsTable>;
export type ClientUpdate = Updateable<ClientsTable>;
