import type { GroupSessionState } from '@homegroup/core';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface GroupSessionsTable {
  id: Generated<string>;
  groupId: string;
  facilityId: string;
  startsAt: Date;
  durationMinutes: number;
  state: Generated<GroupSessionState>;
  cancelReason: string | null;
  topic: string | null;
  stepFocus: number | null;
  reading: string | null;
  sharedNote: string | null;
  adHoc: Generated<boolean>;
  signedAt: Date | null;
  signedBy: string | null;
  /** Raised by every save; a save based on an older version is a conflict. */
  version: Generated<number>;
  /** The version at which topic, step, reading or the shared note last changed. */
  detailsVersion: Generated<number>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type GroupSession = Selectable<GroupSessionsTable>;
export type NewGroupSession = Insertable<GroupSessionsTable>;
export type GroupSessionUpdate = Updateable<GroupSessionsTable>;
