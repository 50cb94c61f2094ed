import { AppError } from '../errors';

export const MAX_FEED_BYTES = 60 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

/** NA's BMLT root servers give the Meeting Guide shape at this path. */
export function feedAddress(kind: string, url: string): string {
  if (kind !== 'bmlt' || /\/client_interface\/tsml\/?/.test(url)) return url;
  return `${url.replace(/\/+$/, '')}/client_interface/tsml/`;
}

/**
 * Downloads a feed as text, refusing what is too big or too slow, with messages a coordinator
 * can act on. Only http(s) addresses reach here (the source's URL was checked when saved).
 */
export async function fetchFeedText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/json' },
      redirect: 'follow',
    });
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    throw new AppError(
      'BAD_INPUT',
      timedOut
        ? 'The feed address did not answer within 30 seconds. Nothing was imported; try again later.'
        : 'Could not reach the feed address. Check it, or upload the file instead. Nothing was imported.',
    );
  }
  if (!response.ok) {
    throw new AppError(
      'BAD_INPUT',
      `The feed address answered with an error (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}). Check the address. Nothing was imported.`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FEED_BYTES) throw tooBig();
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FEED_BYTES) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooBig() {
  return new AppError(
    'BAD_INPUT',
    `The feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB, more than any meeting list needs. Nothing was imported.`,
  );
}
