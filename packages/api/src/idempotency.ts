import type { Db } from '@homegroup/db';
import type { StaffContext } from './context';
import { AppError } from './errors';

/**
 * Runs a save once per key. Inside the save's own transaction the key is claimed first, and the
 * answer stored beside it last: a save that fails (a dropped connection, a refusal) leaves no key,
 * so its retry runs for real; a repeat of a save that went through gets the same answer back and
 * changes nothing. Without a key the save simply runs.
 */
export async function onceByKey<T>(
  trx: Db,
  staff: StaffContext,
  procedure: string,
  key: string | undefined,
  save: () => Promise<T>,
): Promise<T> {
  if (!key) return save();
  const mine = { staffUserId: staff.userId, key };
  const claimed = await trx
    .insertInto('idempotencyKeys')
    .values({ ...mine, facilityId: staff.facility.id, procedure, response: null })
    .onConflict((oc) => oc.columns(['staffUserId', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    // The same save went through before (a conflicting insert waits for it to commit).
    const done = await trx
      .selectFrom('idempotencyKeys')
      .select(['procedure', 'response'])
      .where('staffUserId', '=', staff.userId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!done || done.procedure !== procedure || done.response === null) {
      throw new AppError(
        'CONFLICT',
        'This save was already sent from another screen. Reload to see what was saved.',
      );
    }
    return done.response as T;
  }
  const result = await save();
  await trx
    .updateTable('idempotencyKeys')
    .set({ response: JSON.stringify(result) })
    .where('staffUserId', '=', staff.userId)
    .where('key', '=', key)
    .execute();
  return result;
}
