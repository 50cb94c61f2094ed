/**
 * The first step of a Meeting Guide import: turn the text the feed address returned into rows,
 * or say in plain words why it cannot be imported. Nothing is imported when this fails.
 */

/** The most rows one import takes: large regions publish a few thousand, never tens of thousands. */
export const MAX_FEED_ROWS = 50_000;

export type ParseFeedResult = { ok: true; rows: unknown[] } | { ok: false; message: string };

export interface ParseFeedLimits {
  maxRows?: number;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

/**
 * Parses a feed's text. A JSON array is the feed; an object holding an array under `meetings`
 * is accepted too, because some exporters wrap the list that way.
 */
export function parseFeedText(text: string, limits: ParseFeedLimits = {}): ParseFeedResult {
  // Windows editors and some servers put a byte-order mark before the JSON; JSON.parse rejects it.
  const withoutBom = text.replace(/^\uFEFF/, '');
  const body = withoutBom.trim();
  if (body === '') {
    return fail('The feed is empty.');
  }
  if (looksLikeHtml(body)) {
    return fail(
      'The address returned a web page, not a meeting feed. It is often an error page: check the address.',
    );
  }
  // Parse the untrimmed text so that line numbers in the message match the feed as served.
  const parsed = parseJson(withoutBom);
  if (!parsed.ok) {
    return parsed;
  }
  const rows = feedRows(parsed.value);
  if (rows === null) {
    return fail(
      `The feed is valid JSON but not a list of meetings (it holds ${describeJson(parsed.value)}). Nothing was imported.`,
    );
  }
  if (rows.length === 0) {
    return fail('The feed holds no meetings.');
  }
  const maxRows = limits.maxRows ?? MAX_FEED_ROWS;
  if (rows.length > maxRows) {
    return fail(
      `The feed has ${NUMBER_FORMAT.format(rows.length)} rows; the most one import takes is ${NUMBER_FORMAT.format(maxRows)}.`,
    );
  }
  return { ok: true, rows };
}

function fail(message: string): ParseFeedResult {
  return { ok: false, message };
}

function looksLikeHtml(body: string): boolean {
  // Every HTML page starts with a tag (<!DOCTYPE, <html, <head, or a stray <br>); JSON never does.
  return body.startsWith('<');
}

type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(body: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const where = error instanceof Error ? whereJsonBroke(error.message, body) : '';
    return { ok: false, message: `The feed is not valid JSON${where}. Nothing was imported.` };
  }
}

/** V8 names a character position in most JSON errors; a line and column are easier to look up. */
function whereJsonBroke(message: string, body: string): string {
  const match = /position (\d+)/.exec(message)?.[1];
  const position = match === undefined ? null : Number(match);
  // A download cut short is common enough to name: the parser ran out of text.
  if (/unexpected end/i.test(message) || (position !== null && position >= body.trimEnd().length)) {
    return ' (it stops part-way through)';
  }
  if (position === null) {
    return '';
  }
  const before = body.slice(0, position);
  const lines = before.split('\n');
  const column = (lines[lines.length - 1]?.length ?? 0) + 1;
  return ` (the problem is at line ${lines.length}, column ${column})`;
}

function feedRows(value: unknown): unknown[] | null {
  if (Array.isArray(value)) {
    return value;
  }
  if (typeof value === 'object' && value !== null && 'meetings' in value) {
    const meetings: unknown = value.meetings;
    return Array.isArray(meetings) ? meetings : null;
  }
  return null;
}

function describeJson(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'object') {
    return 'an object with no list under "meetings"';
  }
  return `a single ${typeof value}`;
}
