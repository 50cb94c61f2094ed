import type { ImportProgress, ImportReport } from '@homegroup/api';
import { markApiActivity } from '../lib/activity';

export type { ImportReport };

/** Where an import has got to: 'sending' is the upload itself, before the server answers. */
export type ImportPhase = 'sending' | ImportProgress['phase'];
export interface ImportStep {
  phase: ImportPhase;
  done: number;
  total: number;
}

export type ImportOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; code: string | null; message: string };

/** The server refuses bodies over this size (see the server's bodyLimit). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

const OFFLINE = 'Homegroup could not reach the server. Check the network connection and try again.';
const CUT_OFF =
  'The connection was lost before the import finished. Look at the feed’s latest result in a minute: if it says “Failed”, nothing was changed.';

type ImportLine =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; code?: string; message?: string };

/** Calls `onLine` with each complete line of a stream as it arrives; a last unterminated line too. */
export async function readLines(
  stream: ReadableStream<Uint8Array>,
  onLine: (line: string) => void,
): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let end = pending.indexOf('\n');
    while (end >= 0) {
      const line = pending.slice(0, end).trim();
      pending = pending.slice(end + 1);
      if (line !== '') onLine(line);
      end = pending.indexOf('\n');
    }
    if (done) break;
  }
  if (pending.trim() !== '') onLine(pending.trim());
}

function parseLine(line: string): ImportLine | null {
  try {
    const value = JSON.parse(line) as { type?: unknown };
    return value && typeof value === 'object' && typeof value.type === 'string'
      ? (value as ImportLine)
      : null;
  } catch {
    return null;
  }
}

function refusal(status: number, body: string): string {
  if (status === 413) return 'The file is too large to import: the limit is 64 MB.';
  if (status === 401) return 'Your session has ended. Sign in again, then import the file again.';
  if (status === 403) return 'The server refused the import. Reload the page and try again.';
  const text = body.trim();
  return text && text.length < 300 && !text.startsWith('{') && !text.startsWith('<')
    ? text
    : `The server could not take the import (error ${status}). Try again in a minute.`;
}

/**
 * Imports a feed: `text` is the chosen file's contents, or null to have the server fetch the
 * feed from its address. The server answers one JSON line per step; each is passed to
 * `onStep` as it arrives, so the page can draw a progress bar while a large feed imports.
 */
export async function importFeed(
  sourceId: string,
  text: string | null,
  onStep: (step: ImportStep) => void,
): Promise<ImportOutcome> {
  onStep(
    text === null
      ? { phase: 'fetching', done: 0, total: 0 }
      : { phase: 'sending', done: 0, total: 0 },
  );
  markApiActivity();
  let response: Response;
  try {
    response = await fetch(`/import/meetings/${encodeURIComponent(sourceId)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: text ?? '',
    });
  } catch {
    return { ok: false, code: null, message: OFFLINE };
  }
  markApiActivity();
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.includes('ndjson') || !response.body) {
    const body = await response.text().catch(() => '');
    return { ok: false, code: String(response.status), message: refusal(response.status, body) };
  }
  // The file is on the server; until its first word, it is reading it.
  if (text !== null) onStep({ phase: 'reading', done: 0, total: 0 });
  let outcome = null as ImportOutcome | null;
  try {
    await readLines(response.body, (raw) => {
      markApiActivity();
      const line = parseLine(raw);
      if (!line) return;
      if (line.type === 'progress') {
        onStep({ phase: line.phase, done: line.done, total: line.total });
      } else if (line.type === 'done') {
        outcome = { ok: true, report: line.report };
      } else if (line.type === 'failed') {
        outcome = {
          ok: false,
          code: line.code ?? null,
          message: line.message || 'The import failed. The directory was left as it was.',
        };
      }
    });
  } catch {
    return outcome ?? { ok: false, code: null, message: CUT_OFF };
  }
  return outcome ?? { ok: false, code: null, message: CUT_OFF };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The words beside the progress bar: "Saving meetings: 1,500 of 2,000". */
export function stepWords(step: ImportStep, fileSize: number | null): string {
  switch (step.phase) {
    case 'sending':
      return fileSize === null
        ? 'Sending the file to Homegroup…'
        : `Sending the file (${sizeWords(fileSize)}) to Homegroup…`;
    case 'fetching':
      return 'Fetching the feed from its address…';
    case 'reading':
      return step.total > 0 ? `Checking ${count(step.total)} rows…` : 'Reading the feed…';
    case 'saving':
      return `Saving meetings: ${count(step.done)} of ${count(step.total)}`;
  }
}

export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
