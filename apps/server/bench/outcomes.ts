/**
 * The outcome dashboard on the many-facility scale world: 1× (5 facilities, 2,500 clients,
 * ~250,000 attendance records) and 10× (50 facilities, 25,000 clients, ~2,500,000), each on a
 * fresh database. Signed in as the director (admin at every facility), times `outcomes.dashboard`
 * over HTTP on loopback for the last quarter of the seeded data, every indicator: at one facility
 * and at all of them together. Then the growth from 1× to 10×.
 */
import { hashPassword } from '@homegroup/api';
import { addDays, dateInTimeZone, median, percentile } from '@homegroup/core';
import type { DbHandle } from '@homegroup/db';
import {
  SCALE_PASSWORD,
  type ScaleSeedOptions,
  type ScaleSeedResult,
  seedScale,
} from '@homegroup/db/seed';

/** What run.ts lends: its silent server on a free port, and its sign-in. */
export interface OutcomeBenchTools {
  startServer: (handle: DbHandle) => Promise<{ app: { close(): Promise<unknown> }; base: string }>;
  signIn: (base: string, body: string) => Promise<string>;
}

const ALL_WORLDS = [
  { label: '1×', facilities: 5 },
  { label: '10×', facilities: 50 },
] as const;
/** BENCH_OUTCOME_WORLDS=1× measures the small world only (minutes instead of most of an hour). */
const WORLDS = ALL_WORLDS.filter(
  (w) =>
    !process.env.BENCH_OUTCOME_WORLDS ||
    process.env.BENCH_OUTCOME_WORLDS.split(',').includes(w.label),
);
const CLIENTS_PER_FACILITY = 500;
const WARM_UP = 5;
/** Timed calls per case; at least 50. */
const RUNS = Math.max(50, Number(process.env.BENCH_OUTCOME_RUNS ?? 50) || 50);
/** The targets for one facility's quarter (p95). */
const TARGET_MS = { pg: 300, pglite: 1000 } as const;

interface Timing {
  name: string;
  runs: number;
  median: number;
  p95: number;
  /** Indicators in the answer, and its size: a check that the call did the whole job. */
  indicators: number;
  kb: number;
}

interface WorldRun {
  label: string;
  seeded: ScaleSeedResult;
  seedMs: number;
  steps: [string, number][];
  timings: Timing[];
}

/** The last three months of the seeded data, ending today (the facility's date). */
function lastQuarter(today: string) {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return { from: addDays(d.toISOString().slice(0, 10), 1), to: today };
}

async function timeDashboard(
  base: string,
  cookie: string,
  name: string,
  input: unknown,
): Promise<Timing> {
  const url = `${base}/trpc/outcomes.dashboard?input=${encodeURIComponent(JSON.stringify(input))}`;
  const once = async () => {
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    const ms = performance.now() - start;
    if (!res.ok)
      throw new Error(`outcomes.dashboard answered ${res.status}: ${body.slice(0, 500)}`);
    return { ms, body };
  };
  let last = '';
  for (let i = 0; i < WARM_UP; i++) last = (await once()).body;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms);
  const data = (JSON.parse(last) as { result: { data: { indicators: unknown[] } } }).result.data;
  return {
    name,
    runs: RUNS,
    median: median(times),
    p95: percentile(times, 95),
    indicators: data.indicators.length,
    kb: last.length / 1024,
  };
}

async function benchWorld(
  open: () => Promise<DbHandle>,
  tools: OutcomeBenchTools,
  world: (typeof WORLDS)[number],
): Promise<WorldRun> {
  const handle = await open();
  try {
    // The seed's "today" is the facilities' today, so the server's clock sees fresh data.
    const today = dateInTimeZone(new Date(), 'America/Denver');
    const steps: [string, number][] = [];
    const options: ScaleSeedOptions = {
      today,
      facilities: world.facilities,
      clientsPerFacility: CLIENTS_PER_FACILITY,
      hashPassword,
      onStep: (step, ms) => steps.push([step, ms]),
    };
    const seedStart = performance.now();
    const seeded = await seedScale(handle.db, options);
    const seedMs = performance.now() - seedStart;

    const { app, base } = await tools.startServer(handle);
    try {
      const cookie = await tools.signIn(
        base,
        JSON.stringify({ email: seeded.adminEmail, password: SCALE_PASSWORD }),
      );
      const quarter = lastQuarter(today);
      const timings = [
        await timeDashboard(base, cookie, 'one facility, quarter', {
          ...quarter,
          facilityIds: [seeded.facilityId],
        }),
        await timeDashboard(base, cookie, `all ${seeded.facilityIds.length} facilities, quarter`, {
          ...quarter,
          facilityIds: seeded.facilityIds,
        }),
      ];
      return { label: world.label, seeded, seedMs, steps, timings };
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}

const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => Number(value.toFixed(1));

function printWorld(driver: string, run: WorldRun) {
  const s = run.seeded;
  console.log(
    `\n${driver}: outcome world ${run.label}: seed built in ${(run.seedMs / 1000).toFixed(1)} s ` +
      `(${run.steps.map(([step, t]) => `${step} ${(t / 1000).toFixed(1)} s`).join('; ')})`,
  );
  console.table([
    {
      facilities: s.facilityIds.length,
      clients: n(s.clients),
      attendance: n(s.attendance),
      sessions: n(s.sessions),
      enrolments: n(s.enrolments),
      'follow-up tasks': n(s.followUpTasks),
      'call attempts': n(s.followUpAttempts),
      referrals: n(s.referrals),
      'referral events': n(s.referralEvents),
      assessments: n(s.assessments),
    },
  ]);
  console.table(
    run.timings.map((t) => ({
      'outcomes.dashboard': t.name,
      runs: t.runs,
      'median ms': ms(t.median),
      'p95 ms': ms(t.p95),
      indicators: t.indicators,
      'answer KB': ms(t.kb),
    })),
  );
}

/** Both worlds on one driver, each on a fresh database closed before the next; then the growth. */
export async function benchOutcomes(
  driver: string,
  kind: keyof typeof TARGET_MS,
  open: () => Promise<DbHandle>,
  tools: OutcomeBenchTools,
) {
  const runs: WorldRun[] = [];
  for (const world of WORLDS) {
    const run = await benchWorld(open, tools, world);
    printWorld(driver, run);
    runs.push(run);
  }
  const [small, large] = runs;
  if (!small || !large) return;
  console.log(
    `\n${driver}: outcome dashboard growth from 1× to 10× (target: one facility p95 < ${TARGET_MS[kind]} ms)`,
  );
  console.table(
    large.timings.map((t, i) => {
      const before = small.timings[i] as Timing;
      return {
        'outcomes.dashboard': t.name.replace(/^all \d+ facilities/, 'all facilities'),
        'median ms 1×': ms(before.median),
        'median ms 10×': ms(t.median),
        'median 10×/1×': Number((t.median / before.median).toFixed(2)),
        'p95 ms 1×': ms(before.p95),
        'p95 ms 10×': ms(t.p95),
        'p95 10×/1×': Number((t.p95 / before.p95).toFixed(2)),
      };
    }),
  );
  const missed = runs.filter((r) => (r.timings[0]?.p95 ?? 0) >= TARGET_MS[kind]);
  for (const r of missed) {
    console.log(
      `${driver}: one-facility quarter p95 at ${r.label} is ${ms(r.timings[0]?.p95 ?? 0)} ms, over the ${TARGET_MS[kind]} ms target`,
    );
  }
}
