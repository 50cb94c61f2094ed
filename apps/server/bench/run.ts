/**
 * `pnpm bench`: times the server's procedures over real HTTP on loopback, on embedded PostgreSQL
 * and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server, on PostgreSQL too. Prints the
 * median and 95th percentile per procedure. Figures on shared machines are noisy: compare medians
 * and ratios, not single runs.
 *
 * Sections: `procedures` (the demo data and the groups screens) and `caseload` (the caseload and
 * client page on the scale seed, 500 and 5,000 clients). `BENCH_ONLY=caseload` (or a comma list)
 * runs only those; all run by default. `meetings`: feed import and directory search (see meetings.ts).
 * `outcomes`: the outcome dashboard on 5 and 50 facilities (see outcomes.ts).
 * `load`: 50 staff at once for 60 s saving attendance and reading the dashboards, then every
 * write counted in the database (see load.ts; BENCH_LOAD_USERS, BENCH_LOAD_SECONDS). PostgreSQL
 * only: it runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, and says it was skipped if not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@homegroup/api';
import { dateInTimeZone, median, percentile } from '@homegroup/core';
import { createDb, createScratchDatabase, type DbHandle, migrateToLatest } from '@homegroup/db';
import { DEMO_PASSWORD, demoEmail, SCALE_PASSWORD, seedDemo, seedScale } from '@homegroup/db/seed';
import { sql } from 'kysely';
import { parseEnv } from '../src/env';
import { buildServer, SESSION_COOKIE } from '../src/server';
import { benchLoad } from './load';
import { benchMeetings } from './meetings';
import { benchOutcomes } from './outcomes';

interface Case {
  name: string;
  runs: number;
  request: (base: string, cookie: string) => Promise<Response>;
}

async function call<T>(
  base: string,
  cookie: string,
  path: string,
  input: unknown,
  method: 'GET' | 'POST',
) {
  const url =
    method === 'GET'
      ? `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${base}/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: { cookie, ...(method === 'POST' ? json : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/**
 * The scale for groups: a facility with 60 groups meeting every day, and one session with
 * 40 people on its roster. Built through the API, as staff would.
 */
async function prepareGroups(handle: DbHandle, base: string, cookie: string) {
  const facility = await handle.db
    .selectFrom('facilities')
    .select(['id', 'timeZone'])
    .where('name', '=', 'Cedar Hollow Recovery Center')
    .executeTakeFirstOrThrow();
  const monitor = await handle.db
    .selectFrom('staffUsers')
    .select('id')
    .where('email', '=', demoEmail('monitor'))
    .executeTakeFirstOrThrow();
  const today = dateInTimeZone(new Date(), facility.timeZone);
  let bigGroupId = '';
  for (let i = 0; i < 60 - 9; i++) {
    const { groupId } = await call<{ groupId: string }>(
      base,
      cookie,
      'groups.create',
      {
        name: `Bench group ${i + 1}`,
        kind: 'aa',
        formatCodes: ['C', 'D'],
        audiences: ['clients'],
        participation: 'optional',
        enrolment: 'open',
        scheduleDays: [0, 1, 2, 3, 4, 5, 6],
        startTime: '23:00',
        durationMinutes: 60,
        firstSessionDate: today,
        monitorStaffId: monitor.id,
      },
      'POST',
    );
    if (i === 0) bigGroupId = groupId;
  }
  const clients = await handle.db
    .insertInto('clients')
    .values(
      Array.from({ length: 40 }, (_, i) => ({
        facilityId: facility.id,
        recordNumber: `BENCH-${i}`,
        firstName: `Bench${i}`,
        lastName: 'Person',
        admissionDate: today,
        status: 'in_treatment' as const,
      })),
    )
    .returning('id')
    .execute();
  for (const c of clients) {
    await call(
      base,
      cookie,
      'groups.enrol',
      { groupId: bigGroupId, person: { clientId: c.id }, startDate: today },
      'POST',
    );
  }
  const { sessions } = await call<{ sessions: { id: string; startsAt: string }[] }>(
    base,
    cookie,
    'groups.get',
    { groupId: bigGroupId },
    'GET',
  );
  const sessionId =
    sessions.find((s) => s.startsAt > new Date().toISOString())?.id ?? sessions[0]?.id;
  if (!sessionId) throw new Error('no session for the 40-person group');
  return { sessionId, clientIds: clients.map((c) => c.id) };
}

function groupCases(sessionId: string, clientIds: string[]): Case[] {
  let version = 1;
  let round = 0;
  return [
    {
      name: 'sessions.get (40 people)',
      runs: 200,
      request: (base, cookie) =>
        fetch(
          `${base}/trpc/sessions.get?input=${encodeURIComponent(JSON.stringify({ sessionId }))}`,
          {
            headers: { cookie },
          },
        ),
    },
    {
      name: 'sessions.saveAttendance (40 changed)',
      runs: 100,
      request: async (base, cookie) => {
        round += 1;
        const res = await fetch(`${base}/trpc/sessions.saveAttendance`, {
          method: 'POST',
          headers: { cookie, ...json },
          body: JSON.stringify({
            sessionId,
            baseVersion: version,
            entries: clientIds.map((clientId, i) => ({
              person: { clientId },
              status: 'present',
              participation: i % 2 ? 'shared' : 'listened',
              engagementRating: ((round + i) % 5) + 1,
            })),
          }),
        });
        const copy = res.clone();
        if (res.ok)
          version = ((await copy.json()) as { result: { data: { version: number } } }).result.data
            .version;
        return res;
      },
    },
    {
      name: 'sessions.today (60 groups)',
      runs: 200,
      request: (base, cookie) => fetch(`${base}/trpc/sessions.today`, { headers: { cookie } }),
    },
  ];
}

const json = { 'content-type': 'application/json' };
const signInBody = JSON.stringify({ email: demoEmail('counselor'), password: DEMO_PASSWORD });

const CASES: Case[] = [
  { name: 'GET /healthz', runs: 500, request: (base) => fetch(`${base}/healthz`) },
  {
    name: 'auth.signIn (argon2id)',
    runs: 40,
    request: (base) =>
      fetch(`${base}/trpc/auth.signIn`, { method: 'POST', headers: json, body: signInBody }),
  },
  {
    name: 'auth.me',
    runs: 300,
    request: (base, cookie) => fetch(`${base}/trpc/auth.me`, { headers: { cookie } }),
  },
  {
    name: 'clients.list (25 of 125)',
    runs: 200,
    request: (base, cookie) =>
      fetch(`${base}/trpc/clients.list?input=${encodeURIComponent('{"page":2,"pageSize":25}')}`, {
        headers: { cookie },
      }),
  },
];

async function timeCase(base: string, cookie: string, c: Case) {
  const times: number[] = [];
  for (let i = 0; i < Math.min(20, c.runs); i++)
    await (await c.request(base, cookie)).arrayBuffer();
  for (let i = 0; i < c.runs; i++) {
    const start = performance.now();
    const res = await c.request(base, cookie);
    await res.arrayBuffer();
    times.push(performance.now() - start);
    if (!res.ok) throw new Error(`${c.name} answered ${res.status}`);
  }
  return { name: c.name, runs: c.runs, median: median(times), p95: percentile(times, 95) };
}

type Timing = Awaited<ReturnType<typeof timeCase>>;

function printTable(label: string, rows: readonly Timing[]) {
  console.log(`\n${label}`);
  console.table(
    rows.map((r) => ({
      procedure: r.name,
      runs: r.runs,
      'median ms': Number(r.median.toFixed(2)),
      'p95 ms': Number(r.p95.toFixed(2)),
    })),
  );
}

/**
 * The server on a free loopback port, as in production but silent (BENCH_LOG_LEVEL=error shows
 * what it logs, e.g. the cause of a 500).
 */
async function startServer(handle: DbHandle) {
  const config = parseEnv({
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOMEGROUP_LOCKOUT_ATTEMPTS: '100',
  });
  const app = await buildServer(handle, config);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { app, base };
}

/** Signs in and returns the session cookie (`name=value`). */
async function signIn(base: string, body: string) {
  const res = await fetch(`${base}/trpc/auth.signIn`, { method: 'POST', headers: json, body });
  const token = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0];
  if (!token) throw new Error(`sign-in did not set a session cookie (${res.status})`);
  return token;
}

async function benchDriver(label: string, handle: DbHandle) {
  await seedDemo(handle.db, { hashPassword, today: '2026-11-21' });
  const { app, base } = await startServer(handle);
  try {
    const token = await signIn(base, signInBody);
    const { sessionId, clientIds } = await prepareGroups(handle, base, token);
    const rows = [];
    for (const c of [...CASES, ...groupCases(sessionId, clientIds)]) {
      rows.push(await timeCase(base, token, c));
    }
    printTable(label, rows);
  } finally {
    await app.close();
  }
}

/** 1× and 10× the data: 500 clients (≥ 100,000 attendance records), then 5,000 (≥ 1,000,000). */
const SCALES = [0.1, 1] as const;
const CASELOAD_RUNS = 100;

const caseloadAll = {
  page: 1,
  pageSize: 50,
  sort: 'attendanceRate',
  direction: 'asc',
  counselor: 'all',
  status: 'all',
};
const caseloadMine = { ...caseloadAll, counselor: 'mine', status: 'in_treatment' };

function getCase(name: string, path: string, input: unknown): Case {
  const url = `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  return {
    name,
    runs: CASELOAD_RUNS,
    request: (base, cookie) => fetch(`${base}${url}`, { headers: { cookie } }),
  };
}

interface ScaleRun {
  clients: number;
  attendance: number;
  seedMs: number;
  rows: Timing[];
}

/**
 * The caseload (50 of the whole facility or of one counselor's clients in treatment, sorted by
 * attendance rate) and the client page, on a fresh database holding the scale seed. The first
 * caseload view of the day recomputes every client's stored figures: timed on its own.
 */
async function benchScale(handle: DbHandle, scale: number): Promise<ScaleRun> {
  // The seed's "today" is the facility's today, so the server's clock sees fresh data.
  const today = dateInTimeZone(new Date(), 'America/Denver');
  const seedStart = performance.now();
  const seeded = await seedScale(handle.db, { today, scale, hashPassword });
  const seedMs = performance.now() - seedStart;

  const { app, base } = await startServer(handle);
  try {
    const token = await signIn(
      base,
      JSON.stringify({ email: seeded.counselorEmail, password: SCALE_PASSWORD }),
    );
    const firstStart = performance.now();
    await call(base, token, 'clients.caseload', caseloadAll, 'GET');
    const firstMs = performance.now() - firstStart;
    const computed = await handle.db
      .selectFrom('clientMetrics as m')
      .innerJoin('clients as c', 'c.id', 'm.clientId')
      .select([
        sql<number>`count(*)::int`.as('n'),
        sql<number>`count(*) filter (where c.status = 'in_treatment')::int`.as('inTreatment'),
        sql<number>`count(*) filter (where c.status = 'in_treatment' and cardinality(m.flags) > 0)::int`.as(
          'flagged',
        ),
      ])
      .where('m.facilityId', '=', seeded.facilityId)
      .executeTakeFirstOrThrow();
    const target = await handle.db
      .selectFrom('clients as c')
      .innerJoin('attendanceRecords as a', 'a.clientId', 'c.id')
      .select(['c.id', sql<number>`count(*)::int`.as('n')])
      .where('c.facilityId', '=', seeded.facilityId)
      .where('c.status', '=', 'in_treatment')
      .groupBy('c.id')
      .orderBy('n', 'desc')
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    const rows: Timing[] = [
      {
        name: `first caseload of the day (recompute ${computed.n} clients; ${computed.flagged} of ${computed.inTreatment} in treatment flagged)`,
        runs: 1,
        median: firstMs,
        p95: firstMs,
      },
    ];
    for (const c of [
      getCase('clients.caseload all, by attendance (50)', 'clients.caseload', caseloadAll),
      getCase('clients.caseload mine, in treatment (50)', 'clients.caseload', caseloadMine),
      getCase(`clients.page (client with ${target.n} records)`, 'clients.page', {
        clientId: target.id,
      }),
    ]) {
      rows.push(await timeCase(base, token, c));
    }
    return { clients: seeded.clients, attendance: seeded.attendance, seedMs, rows };
  } finally {
    await app.close();
  }
}

/** Every scale on `driver`, each on a fresh database closed before the next; then the growth. */
async function benchCaseload(driver: string, open: () => Promise<DbHandle>) {
  const runs: ScaleRun[] = [];
  for (const scale of SCALES) {
    const handle = await open();
    try {
      const run = await benchScale(handle, scale);
      runs.push(run);
      printTable(
        `${driver}: caseload at scale ${scale} (${run.clients.toLocaleString('en-US')} clients, ${run.attendance.toLocaleString('en-US')} attendance records; seed built in ${(run.seedMs / 1000).toFixed(1)} s)`,
        run.rows,
      );
    } finally {
      await handle.close();
    }
  }
  const [small, large] = runs;
  if (!small || !large) return;
  console.log(
    `\n${driver}: growth from ${small.clients.toLocaleString('en-US')} to ${large.clients.toLocaleString('en-US')} clients (median at 10× / median at 1×)`,
  );
  console.table(
    large.rows.map((r, i) => {
      const before = small.rows[i]?.median ?? Number.NaN;
      return {
        procedure: r.name.replace(/ \(.*\)$/, ''),
        'median ms 1×': Number(before.toFixed(2)),
        'median ms 10×': Number(r.median.toFixed(2)),
        'ratio 10×/1×': Number((r.median / before).toFixed(2)),
      };
    }),
  );
}

/** A fresh embedded database in a temporary data directory (as the app runs it), removed on close. */
async function openPgliteDir(): Promise<DbHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'homegroup-bench-'));
  const handle = await createDb({ dataDir: dir });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const SECTIONS = ['procedures', 'caseload', 'meetings', 'outcomes', 'load'] as const;

function chosenSections() {
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new Error(`BENCH_ONLY: unknown section ${unknown.join(', ')} (${SECTIONS.join(', ')})`);
  }
  return new Set(only.length > 0 ? only : SECTIONS);
}

async function main() {
  const sections = chosenSections();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

  if (sections.has('procedures')) {
    const embedded = await createDb({});
    await migrateToLatest(embedded.db);
    try {
      await benchDriver('Embedded PostgreSQL (PGlite, in memory)', embedded);
    } finally {
      await embedded.close();
    }

    if (serverUrl) {
      const scratch = await createScratchDatabase(serverUrl, 'homegroup_bench');
      try {
        await benchDriver(`PostgreSQL server (${scratch.name})`, scratch);
      } finally {
        await scratch.close();
      }
    }
  }

  if (sections.has('caseload')) {
    await benchCaseload('Embedded PostgreSQL (PGlite, data directory)', openPgliteDir);
    if (serverUrl) {
      await benchCaseload('PostgreSQL server', () =>
        createScratchDatabase(serverUrl, 'homegroup_bench'),
      );
    }
  }

  if (sections.has('meetings')) {
    const runMeetings = async (label: string, handle: DbHandle) => {
      await seedDemo(handle.db, { hashPassword, today: '2026-11-21' });
      const { app, base } = await startServer(handle);
      try {
        const cookie = await signIn(
          base,
          JSON.stringify({ email: demoEmail('alumni'), password: DEMO_PASSWORD }),
        );
        await benchMeetings(label, handle, base, cookie);
      } finally {
        await app.close();
      }
    };
    if (serverUrl) {
      const scratch = await createScratchDatabase(serverUrl, 'homegroup_bench');
      try {
        await runMeetings('PostgreSQL server', scratch);
      } finally {
        await scratch.close();
      }
    }
    const embedded = await openPgliteDir();
    try {
      await runMeetings('Embedded PostgreSQL (PGlite, data directory)', embedded);
    } finally {
      await embedded.close();
    }
  }

  if (sections.has('outcomes')) {
    const tools = { startServer, signIn };
    if (serverUrl) {
      await benchOutcomes(
        'PostgreSQL server',
        'pg',
        () => createScratchDatabase(serverUrl, 'homegroup_bench'),
        tools,
      );
    }
    await benchOutcomes(
      'Embedded PostgreSQL (PGlite, data directory)',
      'pglite',
      openPgliteDir,
      tools,
    );
  }

  if (sections.has('load')) {
    if (serverUrl) {
      await benchLoad(
        'PostgreSQL server',
        () => createScratchDatabase(serverUrl, 'homegroup_bench'),
        { startServer, signIn },
      );
    } else {
      console.log(
        '\nload: skipped, it runs on PostgreSQL only: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).',
      );
    }
  }

  if (!serverUrl) {
    console.log('\nSet BENCH_DATABASE_URL=postgres://… to measure on a PostgreSQL server too.');
  }
}

await main();
