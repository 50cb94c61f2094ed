import { sql } from 'kysely';
import type { Db } from './create-db';

/** Where the audit chain first breaks, and how. */
export interface BrokenLink {
  /** The event's place in the chain (the one expected there, for a missing event). */
  chainSeq: string;
  /** The event's id, or null when the event at that place is missing. */
  id: string | null;
  reason: 'missing' | 'unlinked' | 'altered';
  message: string;
}

export interface ChainReport {
  /** Events checked, up to the first broken link or the end. */
  checked: number;
  /** Null when every event links to the one before and matches its own hash. */
  firstBroken: BrokenLink | null;
  /** Hash of the last event checked: note it elsewhere, and a rewritten tail is caught too. */
  lastHash: string | null;
}

const FIRST_PREV = '0'.repeat(64);

/** Column names without underscores, so they read the same with or without CamelCasePlugin. */
interface Row {
  id: string;
  seq: string;
  prev: string;
  hash: string;
  expected: string;
}

/**
 * Walks the audit chain from its first event, in batches, recomputing each event's hash in the
 * database (the same function the insert trigger uses). Reports the first event that is missing,
 * that does not link to the event before it, or whose fields no longer match its hash.
 */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<ChainReport> {
  let expectedSeq = 1n;
  let prev = FIRST_PREV;
  let checked = 0;
  let lastHash: string | null = null;
  for (;;) {
    const { rows } = await sql<Row>`
      select id::text as id, chain_seq::text as seq, prev_hash as prev, hash, audit_event_hash(e) as expected
      from audit_events e
      where chain_seq >= ${String(expectedSeq)}::bigint
      order by chain_seq
      limit ${batchSize}
    `.execute(db);
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) {
        return {
          checked,
          lastHash,
          firstBroken: {
            chainSeq: String(expectedSeq),
            id: null,
            reason: 'missing',
            message: `Event ${expectedSeq} of the chain is missing (the next one present is ${seq}, id ${row.id}).`,
          },
        };
      }
      if (row.prev !== prev) {
        return {
          checked,
          lastHash,
          firstBroken: {
            chainSeq: row.seq,
            id: row.id,
            reason: 'unlinked',
            message: `Event ${seq} (id ${row.id}) does not link to the event before it: the event before was changed or replaced.`,
          },
        };
      }
      if (row.hash !== row.expected) {
        return {
          checked,
          lastHash,
          firstBroken: {
            chainSeq: row.seq,
            id: row.id,
            reason: 'altered',
            message: `Event ${seq} (id ${row.id}) was changed after it was written: its fields no longer match its hash.`,
          },
        };
      }
      checked += 1;
      prev = row.hash;
      lastHash = row.hash;
      expectedSeq += 1n;
    }
    if (rows.length < batchSize) return { checked, lastHash, firstBroken: null };
  }
}
