import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@homegroup/db';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const driver = inject('testDriver') ?? 'pglite';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function startServer(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitForUrl(run: Run): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = run.stdout().match(/running at (http:\/\/\S+)/);
    if (match?.[1]) return match[1];
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${run.stdout()}\n${run.stderr()}`);
}

async function databaseEnv(): Promise<{ env: Record<string, string>; test?: TestDb }> {
  if (driver === 'pg') {
    const test = await createTestDb();
    cleanups.push(() => test.close());
    return { env: { DATABASE_URL: test.url ?? '' }, test };
  }
  const dir = await mkdtemp(join(tmpdir(), 'homegroup-main-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { env: { HOMEGROUP_DATA_DIR: join(dir, 'pglite') } };
}

describe('starting the server', () => {
  // Two real server processes, each migrating or seeding and hashing passwords: on a shared
  // 2-core machine beside the hostile-input test this can take far longer than one query does.
  it('migrates, seeds the demo once, prints the log-ins, stops cleanly and restarts on the same data', async () => {
    const { env } = await databaseEnv();
    const first = startServer(env);
    const url = await waitForUrl(first);
    expect(first.stdout()).toContain('demo data loaded');
    expect(first.stdout()).toMatch(/admin@demo\.homegroup\.test/);
    expect(first.stdout()).toContain('homegroup-demo');
    const health = await fetch(`${url}/healthz`);
    expect(health.status, `${first.stdout()}\n${first.stderr()}`).toBe(200);

    if (env.HOMEGROUP_DATA_DIR) {
      // A second server on the same embedded data would corrupt it: it refuses to start.
      const rival = startServer(env);
      expect(await rival.exit).toBe(1);
      expect(rival.stderr()).toMatch(/^Another Homegroup server \(process \d+\) is already using /);
    }

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.homegroup.test', password: 'homegroup-demo' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await first.exit, `${first.stdout()}\n${first.stderr()}`).toBe(0);

    const second = startServer(env);
    const url2 = await waitForUrl(second);
    expect(second.stdout()).not.toContain('demo data loaded');
    const signIn = await fetch(`${url2}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.homegroup.test', password: 'homegroup-demo' }),
    });
    expect(signIn.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    if (env.HOMEGROUP_DATA_DIR) {
      // The data directory is whole after the shutdown: it opens and holds one demo, not two.
      const reopened = await createDb({ dataDir: env.HOMEGROUP_DATA_DIR });
      const { n } = await sql<{ n: number }>`select count(*)::int as n from clients`
        .execute(reopened.db)
        .then((r) => r.rows[0] ?? { n: -1 });
      await reopened.close();
      expect(n).toBe(210);
    }
  }, 120_000);

  it('says in one line that an unreachable DATABASE_URL cannot be reached, and exits non-zero', async () => {
    const run = startServer({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing' });
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/nothing\)/,
    );
  });

  it('names a wrong setting and exits non-zero', async () => {
    const run = startServer({ PORT: 'eighty', HOMEGROUP_IDLE_TIMEOUT_MINUTES: '0' });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toBe(
      'Homegroup cannot start: PORT must be a whole number; HOMEGROUP_IDLE_TIMEOUT_MINUTES must be at least 1.',
    );
  });
});
