import { randomUUID } from 'node:crypto';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRYABLE_MESSAGE } from '../retryable';
import { createTestWorld, signedIn, TestClock } from '../testing';

// PostgreSQL only (a server connection to kill): this file is in the postgres project alone.
let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
const clock = new TestClock(new Date('2026-11-24T00:45:00Z'));
let groupId: string;
let people: string[];
const AUDIT_CHAIN_LOCK = 4242424201;

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  const rows = await t.db
    .insertInto('clients')
    .values(
      ['Ada', 'Bo', 'Cy'].map((firstName, i) => ({
        facilityId: world.facilityA,
        recordNumber: `K-${i}`,
        firstName,
        lastName: 'Faultson',
        admissionDate: '2026-11-01',
        status: 'in_treatment' as const,
      })),
    )
    .returning('id')
    .execute();
  people = rows.map((r) => r.id);
  const { caller } = await signedIn(t.db, 'counselor@a.test', clock);
  ({ groupId } = await caller.groups.create({
    name: 'Morning AA',
    kind: 'aa',
    formatCodes: ['O'],
    audiences: ['clients'],
    programTrack: null,
    minAge: null,
    participation: 'mandatory',
    enrolment: 'open',
    capacity: null,
    room: 'Room 1',
    videoUrl: null,
    scheduleDays: [1, 2, 3, 4, 5],
    startTime: '18:00',
    durationMinutes: 60,
    firstSessionDate: '2026-11-23',
    monitorStaffId: world.users.monitor.id,
    coFacilitatorStaffId: null,
  }));
  for (const id of people) {
    await caller.groups.enrol({
      groupId,
      person: { clientId: id },
      startDate: '2026-11-23',
      endDate: null,
      overrideReason: null,
    });
  }
});
afterAll(async () => {
  await t.close();
});

const present = (clientId: string) => ({
  person: { clientId },
  status: 'present' as const,
  lateMinutes: null,
  leftEarlyMinutes: null,
  excuseReason: null,
  participation: 'shared' as const,
  engagementRating: 4,
  individualNote: null,
  walkIn: false,
  remove: false,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a database connection killed in the middle of a save', () => {
  it('fails with a retryable error, writes nothing, recovers, and the retry saves exactly once', async () => {
    const { caller } = await signedIn(t.db, 'monitor@a.test', clock);
    const today = await caller.sessions.today();
    const sessionId = today.sessions.find((s) => s.groupId === groupId)?.id ?? '';
    const view = await caller.sessions.get({ sessionId });
    const input = {
      sessionId,
      baseVersion: view.session.version,
      entries: people.map(present),
      idempotencyKey: randomUUID(),
    };

    // Another connection holds the audit chain's lock: the save writes its attendance rows, then
    // waits to write its audit events. That is when its connection is killed.
    const killer = new pg.Client({ connectionString: t.url });
    await killer.connect();
    try {
      await killer.query('select pg_advisory_lock($1)', [AUDIT_CHAIN_LOCK]);
      const saving = caller.sessions.saveAttendance(input).then(
        () => null,
        (e: unknown) => e,
      );
      let pid: number | null = null;
      for (let i = 0; i < 200 && pid === null; i += 1) {
        const { rows } = await killer.query<{ pid: number }>(
          `select pid from pg_stat_activity where datname = current_database()
             and wait_event_type = 'Lock' and wait_event = 'advisory' and pid <> pg_backend_pid()`,
        );
        pid = rows[0]?.pid ?? null;
        if (pid === null) await sleep(25);
      }
      expect(pid).not.toBeNull();
      const written = await killer.query<{ n: number }>(
        `select count(*)::int as n from pg_locks where pid = $1 and locktype = 'transactionid'`,
        [pid],
      );
      expect(written.rows[0]?.n).toBeGreaterThan(0); // it had begun writing
      await killer.query('select pg_terminate_backend($1)', [pid]);
      await killer.query('select pg_advisory_unlock($1)', [AUDIT_CHAIN_LOCK]);
      const error = await saving;
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: RETRYABLE_MESSAGE });
    } finally {
      await killer.end();
    }

    // Nothing partial: no attendance, no claimed key, the session as it was.
    const records = () =>
      t.db
        .selectFrom('attendanceRecords')
        .select('clientId')
        .where('sessionId', '=', sessionId)
        .execute();
    expect(await records()).toEqual([]);
    expect(
      await t.db
        .selectFrom('idempotencyKeys')
        .select('key')
        .where('key', '=', input.idempotencyKey)
        .execute(),
    ).toEqual([]);
    const unchanged = await caller.sessions.get({ sessionId });
    expect(unchanged.session.version).toBe(view.session.version);

    // The server recovers by itself, and the retry (the same key) saves once, however often sent.
    const first = await caller.sessions.saveAttendance(input);
    const [second, third] = await Promise.all([
      caller.sessions.saveAttendance(input),
      caller.sessions.saveAttendance(input),
    ]);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect((await records()).length).toBe(3);
    const after = await caller.sessions.get({ sessionId });
    expect(after.session.version).toBe(view.session.version + 1);
    const created = await t.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityType', '=', 'attendance_record')
      .where('entityId', '=', sessionId)
      .where('action', '=', 'create')
      .execute();
    expect(created.length).toBe(3);
  });
});
