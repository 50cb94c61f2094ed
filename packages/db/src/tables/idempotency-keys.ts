import type { Generated, JSONColumnType } from 'kysely';

/** One save's key and answer, so a repeat of the save is answered without doing it twice. */
export interface IdempotencyKeysTable {
  staffUserId: string;
  key: string;
  facilityId: string;
  procedure: string;
  response: JSONColumnType<object | null, string | null, string | null>;
  createdAt: Generated<Date>;
}
