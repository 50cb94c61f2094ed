import { describe, expect, it } from 'vitest';
import {
  type DraftStorage,
  draftKey,
  forgetAllDrafts,
  type KeptDraft,
  readDraft,
  removeDraft,
  writeDraft,
} from './draft-store';
import { EMPTY_DRAFT } from './entry-draft';

/** An in-memory stand-in for the tab's sessionStorage. */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      items.set(k, String(v));
    },
    removeItem: (k) => {
      items.delete(k);
    },
  };
}

const STAFF = '0b7c2f0e-3c55-4f0e-9a55-1d7a3c1e0a01';
const OTHER_STAFF = '0b7c2f0e-3c55-4f0e-9a55-1d7a3c1e0a02';
const SESSION = '5d1f6a52-8a0c-4c8e-b7a1-2b3f4c5d6e7f';

const draft: KeptDraft = {
  baseVersion: 3,
  edits: { 'c:abc': { ...EMPTY_DRAFT, status: 'late', lateMinutes: 10, engagementRating: 4 } },
  extra: [],
  details: null,
  addendumReason: '',
  lastSend: { payload: '{"sessionId":"…"}', key: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
};

describe('kept attendance drafts', () => {
  it('gives back what was kept, for that staff member and session only', () => {
    const storage = memoryStorage();
    writeDraft(storage, STAFF, SESSION, draft);
    expect(readDraft(storage, STAFF, SESSION)).toEqual(draft);
    expect(readDraft(storage, OTHER_STAFF, SESSION)).toBeNull();
    expect(readDraft(storage, STAFF, 'another-session')).toBeNull();
  });

  it('forgets a draft once it is saved', () => {
    const storage = memoryStorage();
    writeDraft(storage, STAFF, SESSION, draft);
    removeDraft(storage, STAFF, SESSION);
    expect(readDraft(storage, STAFF, SESSION)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('forgets every draft in the tab on signing out, and nothing else', () => {
    const storage = memoryStorage();
    writeDraft(storage, STAFF, SESSION, draft);
    writeDraft(storage, OTHER_STAFF, SESSION, draft);
    writeDraft(storage, STAFF, 'another-session', draft);
    storage.setItem('something-else', 'kept');
    forgetAllDrafts(storage);
    expect([...storage.items.keys()]).toEqual(['something-else']);
  });

  it('drops what it cannot read rather than restoring it', () => {
    const storage = memoryStorage();
    const key = draftKey(STAFF, SESSION);
    for (const raw of [
      'not json',
      '{"format":1}',
      JSON.stringify({ ...draft, format: 99 }),
      JSON.stringify({ ...draft, format: 1, baseVersion: 'three' }),
      JSON.stringify({ ...draft, format: 1, edits: {} }),
    ]) {
      storage.setItem(key, raw);
      expect(readDraft(storage, STAFF, SESSION)).toBeNull();
      expect(storage.getItem(key)).toBeNull();
    }
  });

  it('keeps a change to the topic or shared note alone', () => {
    const storage = memoryStorage();
    const details = { topic: 'Step 3', stepFocus: 3, reading: '', sharedNote: '' };
    writeDraft(storage, STAFF, SESSION, { ...draft, edits: {}, details });
    expect(readDraft(storage, STAFF, SESSION)?.details).toEqual(details);
  });

  it('does nothing, and does not throw, where the browser refuses storage', () => {
    const refusing: DraftStorage = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => writeDraft(refusing, STAFF, SESSION, draft)).not.toThrow();
    expect(readDraft(refusing, STAFF, SESSION)).toBeNull();
    expect(() => removeDraft(refusing, STAFF, SESSION)).not.toThrow();
    expect(() => forgetAllDrafts(null)).not.toThrow();
    expect(readDraft(null, STAFF, SESSION)).toBeNull();
  });
});
