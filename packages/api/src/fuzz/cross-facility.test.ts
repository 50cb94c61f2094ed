import { randomUUID } from 'node:crypto';
import { seedDemo } from '@homegroup/db/seed';
import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { signedIn } from '../testing';
import { changesSince, installChangeLog, lastChange } from './change-log';
import { type IdPools, inputJsonSchema, validArbitrary } from './input-arbitraries';
import { allProcedures, callPath } from './procedures';

const PUBLIC = new Set(['auth.signIn', 'auth.signOut']);
const RUNS = 12;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

let t: TestDb;
let facilityA: string;
let facilityB: string;
let pools: IdPools;
/** Every id of a record that belongs to facility B. */
const idsOfB = new Set<string>();

async function idsAtB<T extends string>(table: T, column = 'facilityId') {
  const rows = await t.db
    // biome-ignore lint/suspicious/noExplicitAny: one helper over several tables
    .selectFrom(table as any)
    .select('id')
    .where(column, '=', facilityB)
    .execute();
  const ids = rows.map((r) => String((r as { id: string }).id));
  for (const id of ids) idsOfB.add(id);
  return ids;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { hashPassword, today: '2026-11-20' });
  const facilities = await t.db.selectFrom('facilities').select('id').orderBy('name').execute();
  facilityA = facilities[0]?.id ?? '';
  facilityB = facilities[1]?.id ?? '';
  // A clinical director of facility A only.
  const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const director = await t.db
    .insertInto('staffUsers')
    .values({
      organizationId: org.id,
      email: 'director-a@test.test',
      displayName: 'Director of A',
      passwordHash: await hashPassword('correct horse battery staple'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('staffRoles')
    .values({ staffUserId: director.id, facilityId: facilityA, role: 'admin' })
    .execute();
  const staffOfB = (
    await t.db
      .selectFrom('staffRoles as r')
      .select('r.staffUserId')
      .where('r.facilityId', '=', facilityB)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('staffRoles as o')
              .select('o.staffUserId')
              .whereRef('o.staffUserId', '=', 'r.staffUserId')
              .where('o.facilityId', '=', facilityA),
          ),
        ),
      )
      .execute()
  ).map((r) => r.staffUserId);
  for (const id of [facilityB, ...staffOfB]) idsOfB.add(id);
  const clients = await idsAtB('clients');
  const groups = await idsAtB('groups');
  const sessions = await idsAtB('groupSessions');
  const followUps = await idsAtB('followUpTasks');
  pools = {
    clientId: clients,
    groupId: groups,
    sessionId: sessions,
    enrolmentId: await idsAtB('groupEnrolments'),
    referralId: await idsAtB('referrals'),
    consentId: await idsAtB('consents'),
    taskId: followUps,
    followUpTaskId: followUps,
    goalId: await idsAtB('clientGoals'),
    flagId: await idsAtB('clientFlags'),
    familyMemberId: await idsAtB('familyMembers'),
    facilityId: [facilityB],
    counselor: staffOfB,
    counselorId: staffOfB,
    counselorStaffId: staffOfB,
    monitorStaffId: staffOfB,
    coFacilitatorStaffId: staffOfB,
  };
  await installChangeLog(t.db);
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** The same input with each of facility B's ids replaced by an id that exists nowhere. */
function withUnknownIds(input: unknown): unknown {
  const twins = new Map<string, string>();
  const json = JSON.stringify(input ?? null).replace(UUID, (id) => {
    if (!idsOfB.has(id)) return id;
    const twin = twins.get(id) ?? randomUUID();
    twins.set(id, twin);
    return twin;
  });
  return JSON.parse(json);
}

const mentionsB = (text: string) => (text.match(UUID) ?? []).some((id) => idsOfB.has(id));

describe('a director of facility A calling every procedure with the ids of facility B', () => {
  it('gets nothing of B, changes nothing of B, and hears the same as for ids that exist nowhere', async () => {
    const { caller } = await signedIn(t.db, 'director-a@test.test');
    const start = await lastChange(t.db);
    const problems: string[] = [];
    let aimed = 0;
    for (const [path, procedure] of allProcedures) {
      if (PUBLIC.has(path)) continue;
      const schema = procedure._def.inputs[0];
      const samples = schema
        ? fc.sample(validArbitrary(inputJsonSchema(schema), pools), { numRuns: RUNS, seed: 11 })
        : [undefined];
      for (const input of samples) {
        const hasB = mentionsB(JSON.stringify(input ?? null));
        if (hasB) aimed += 1;
        const before = await lastChange(t.db);
        const outcome = await callPath(caller, path, input).then(
          (result) => ({ ok: true as const, text: JSON.stringify(result) ?? '' }),
          (e: { code?: string; message?: string }) => ({
            ok: false as const,
            text: `${e.code}: ${e.message}`,
          }),
        );
        const shown = JSON.stringify(input)?.slice(0, 100);
        if (mentionsB(outcome.text)) problems.push(`${path} returned facility B data for ${shown}`);
        const changed = await changesSince(t.db, before);
        if (changed.some((c) => mentionsB(c.rowJson))) {
          problems.push(`${path} changed facility B rows for ${shown}`);
        }
        if (hasB && !outcome.ok) {
          const twin = await callPath(caller, path, withUnknownIds(input)).then(
            () => 'answered',
            (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
          );
          if (twin !== outcome.text) {
            problems.push(`${path} told B's record apart: "${outcome.text}" vs "${twin}"`);
          }
        } else if (hasB && outcome.ok && path.startsWith('auth.')) {
          problems.push(`${path} accepted facility B for ${shown}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(aimed).toBeGreaterThan(150);
    // The count the security section of the README reports.
    console.info(`cross-facility calls aimed at facility B: ${aimed}`);
    const all = await changesSince(t.db, start);
    expect(all.filter((c) => mentionsB(c.rowJson)).map((c) => c.tbl)).toEqual([]);
  }, 600_000);
});
