import { DEMO_PASSWORD, demoEmail, seedDemo } from '@homegroup/db/seed';
import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { browser } from '../testing';
import { installChangeLog, lastChange } from './change-log';
import { hostileArbitrary, inputJsonSchema, oneFieldHostile } from './input-arbitraries';
import { allProcedures, callPath } from './procedures';

/** Signing out would end the session the rest of the run uses; it takes no input anyway. */
const SKIPPED = new Set(['auth.signOut']);
const RUNS = 24;
/**
 * Calls that sign a browser in or move it to another facility get a fresh browser each time;
 * every other call uses the one session, which must last the whole run.
 */
const FRESH_SESSION = new Set(['auth.signIn', 'auth.signInCode', 'auth.switchFacility']);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { hashPassword, today: '2026-11-20' });
  await installChangeLog(t.db);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('hostile input to every procedure', () => {
  it('never fails on our side, and a refused call changes nothing', async () => {
    const b = browser(t.db);
    await b.caller.auth.signIn({ email: demoEmail('admin'), password: DEMO_PASSWORD });
    let tried = 0;
    const failures: string[] = [];
    let before = await lastChange(t.db);
    for (const [path, procedure] of allProcedures) {
      if (SKIPPED.has(path)) continue;
      const input = procedure._def.inputs[0];
      const arbitrary = input
        ? hostileArbitrary(inputJsonSchema(input))
        : fc.constantFrom<unknown>(undefined, null, {}, 'x', { extra: '<script>' });
      const samples = [
        ...fc.sample(arbitrary, { numRuns: RUNS, seed: 7 }),
        ...(input ? oneFieldHostile(inputJsonSchema(input)) : []),
      ];
      for (const sample of samples) {
        tried += 1;
        // A fresh session when a call may switch facility or sign the caller in as someone else.
        const caller = FRESH_SESSION.has(path) ? browser(t.db).caller : b.caller;
        if (caller !== b.caller) {
          await caller.auth.signIn({ email: demoEmail('admin'), password: DEMO_PASSWORD });
        }
        const outcome = await callPath(caller, path, sample).then(
          () => null,
          (e: { code?: string; message?: string }) => e,
        );
        const after = await lastChange(t.db);
        const shown = JSON.stringify(sample)?.slice(0, 120);
        if (outcome?.code === 'UNAUTHORIZED' && !FRESH_SESSION.has(path)) {
          // The run's session ended (a call signed it out): every later call would be refused
          // before its input was read, and the test would prove nothing.
          failures.push(`${path} found the session ended after ${shown}: ${outcome.message}`);
        } else if (outcome?.code === 'INTERNAL_SERVER_ERROR') {
          failures.push(`${path} failed on our side with ${shown}: ${outcome.message}`);
        } else if (outcome && after !== before) {
          failures.push(`${path} refused ${shown} (${outcome.code}) but changed data`);
        }
        before = after;
      }
    }
    expect(failures).toEqual([]);
    expect((await b.caller.auth.me()).email).toBe(demoEmail('admin'));
    // The count the security section of the README reports.
    expect(tried).toBeGreaterThan(allProcedures.length * RUNS);
    console.info(
      `hostile inputs tried: ${tried} over ${allProcedures.length - SKIPPED.size} procedures`,
    );
  }, 600_000);
});
