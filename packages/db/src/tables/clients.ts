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
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type Client = Selectable<ClientsTable>;
export type NewClient = Insertable<ClientsTable>;
export type ClientUpdate = Updateable<ClientsTable>;
