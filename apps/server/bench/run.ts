/**
 * `pnpm bench`: times the server's procedures over real HTTP on loopback, on embedded PostgreSQL
 * and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server, on PostgreSQL too. Prints the
 * median and 95th percentile per procedure. Figures on shared machines are noisy: compare medians
 * and ratios, not single runs.
 */
import { hashPassword } from '@homegroup/api';
import { median, percentile } from '@homegroup/core';
import { createDb, createScratchDatabase, type DbHandle, migrateToLatest } from '@homegroup/db';
import { DEMO_PASSWORD, demoEmail, seedDemo } from '@homegroup/db/seed';
import { parseEnv } from '../src/env';
import { buildServer, SESSION_COOKIE } from '../src/server';

interface Case {
  name: string;
  runs: number;
  request: (base: string, cookie: string) => Promise<Response>;
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

async function benchDriver(label: string, handle: DbHandle) {
  await seedDemo(handle.db, { hashPassword, today: '2026-11-21' });
  const config = parseEnv({ LOG_LEVEL: 'silent', PORT: '0', HOMEGROUP_LOCKOUT_ATTEMPTS: '100' });
  const app = await buildServer(handle, config);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: json,
      body: signInBody,
    });
    const token = res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
      ?.split(';')[0];
    if (!token) throw new Error('sign-in did not set a session cookie');
    const rows = [];
    for (const c of CASES) rows.push(await timeCase(base, token, c));
    console.log(`\n${label}`);
    console.table(
      rows.map((r) => ({
        procedure: r.name,
        runs: r.runs,
        'median ms': Number(r.median.toFixed(2)),
        'p95 ms': Number(r.p95.toFixed(2)),
      })),
    );
  } finally {
    await app.close();
  }
}

async function main() {
  const embedded = await createDb({});
  await migrateToLatest(embedded.db);
  try {
    await benchDriver('Embedded PostgreSQL (PGlite, in memory)', embedded);
  } finally {
    await embedded.close();
  }

  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, 'homegroup_bench');
    try {
      await benchDriver(`PostgreSQL server (${scratch.name})`, scratch);
    } finally {
      await scratch.close();
    }
  } else {
    console.log('\nSet BENCH_DATABASE_URL=postgres://… to measure on a PostgreSQL server too.');
  }
}

await main();
