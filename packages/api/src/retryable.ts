/** SQLSTATEs after which the same request may simply be sent again. */
const RETRYABLE_STATES = new Set([
  '08000', // connection exception
  '08003', // connection does not exist
  '08006', // connection failure
  '08001', // unable to connect
  '08004', // connection rejected
  '57P01', // terminated by an administrator
  '57P02', // crash shutdown
  '57P03', // cannot connect now
  '40001', // serialization failure
  '40P01', // deadlock detected
]);
const RETRYABLE_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

export const RETRYABLE_MESSAGE =
  'The database could not finish this just now (the connection dropped or it was too busy). Nothing was saved; your entries are still here. Try again.';

/**
 * True for a database failure that says nothing about the request itself: a dropped or killed
 * connection, a server restarting, a deadlock, no free connection in the pool in time. The transaction was rolled back, so retrying is
 * safe (and saves that carry an idempotency key are done at most once).
 */
export function isRetryableDatabaseError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (RETRYABLE_STATES.has(code) || RETRYABLE_NODE_CODES.has(code))
    ) {
      return true;
    }
    if (
      typeof message === 'string' &&
      /Connection terminated|connection is closed|not queryable|terminating connection|timeout exceeded when trying to connect/i.test(
        message,
      )
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
