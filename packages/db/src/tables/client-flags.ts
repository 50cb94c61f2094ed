import type { FlagRule } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** One flag's life: raised, perhaps acknowledged with a note, cleared when the rule stops holding. */
export interface ClientFlagsTable {
  id: Generated<string>;
  clientId: string;
  facilityId: string;
  rule: FlagRule;
  /** The latest reason, in words for staff. */
  reason: string;
  raisedOn: string;
  clearedOn: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgementNote: string | null;
}
export type ClientFlag = Selectable<ClientFlagsTable>;
export type NewClientFlag = Insertable<ClientFlagsTable>;
