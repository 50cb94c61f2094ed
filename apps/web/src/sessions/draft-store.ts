import type { Details, Draft, SessionPerson } from './entry-draft';

/**
 * Unsaved attendance, kept in this browser tab until it is saved, so that a dropped network, a
 * reload or a session that ended (sign in again, come back) does not lose what the monitor
 * marked. It holds names and attendance: only ever the tab's sessionStorage (gone when the tab
 * closes), one entry per staff member and session, removed once saved or on signing out.
 */
export interface KeptDraft {
  /** The session version the changes were made against, so a colleague's save is not overwritten. */
  baseVersion: number;
  edits: Record<string, Draft>;
  /** Walk-ins added on this screen. */
  extra: SessionPerson[];
  details: Details | null;
  addendumReason: string;
  /** The last save sent and its idempotency key: the same save again is saved at most once. */
  lastSend: { payload: string; key: string } | null;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'homegroup.attendance-draft.';
const FORMAT = 1;

export function draftKey(staffUserId: string, sessionId: string) {
  return `${PREFIX}${staffUserId}.${sessionId}`;
}

/** This tab's sessionStorage, or null where the browser refuses storage. */
export function tabStorage(): DraftStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What was kept for this staff member and session; null if nothing (or nothing readable). */
export function readDraft(
  storage: DraftStorage | null,
  staffUserId: string,
  sessionId: string,
): KeptDraft | null {
  const key = draftKey(staffUserId, sessionId);
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      isObject(parsed) &&
      parsed.format === FORMAT &&
      Number.isInteger(parsed.baseVersion) &&
      isObject(parsed.edits) &&
      Object.keys(parsed.edits).length + (isObject(parsed.details) ? 1 : 0) > 0 &&
      Array.isArray(parsed.extra) &&
      (parsed.details === null || isObject(parsed.details)) &&
      typeof parsed.addendumReason === 'string' &&
      (parsed.lastSend === null || isObject(parsed.lastSend))
    ) {
      const { format: _, ...draft } = parsed;
      return draft as unknown as KeptDraft;
    }
  } catch {
    // Not ours, or from another version of the app: drop it below.
  }
  removeDraft(storage, staffUserId, sessionId);
  return null;
}

export function writeDraft(
  storage: DraftStorage | null,
  staffUserId: string,
  sessionId: string,
  draft: KeptDraft,
) {
  try {
    storage?.setItem(
      draftKey(staffUserId, sessionId),
      JSON.stringify({ format: FORMAT, ...draft }),
    );
  } catch {
    // Storage full or refused: the entries stay on screen as before.
  }
}

export function removeDraft(storage: DraftStorage | null, staffUserId: string, sessionId: string) {
  try {
    storage?.removeItem(draftKey(staffUserId, sessionId));
  } catch {
    // Nothing to do.
  }
}

/** On signing out: every kept draft in this tab, whoever's. */
export function forgetAllDrafts(storage: DraftStorage | null) {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
