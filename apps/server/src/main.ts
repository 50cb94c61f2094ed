import { refreshAllFacilities } from '@homegroup/api';
import { ROLE_LABELS, type Role } from '@homegroup/core';
import { DEMO_PASSWORD, DEMO_STAFF, demoEmail } from '@homegroup/db/seed';
import { DataDirInUseError } from './data-dir-lock';
import { ConfigError, parseEnv } from './env';
import { DatabaseUnreachableError, openDatabase } from './open-database';
import { buildServer } from './server';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main() {
  const started = performance.now();
  let config: ReturnType<typeof parseEnv>;
  try {
    config = parseEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(config);
  } catch (err) {
    if (err instanceof DatabaseUnreachableError || err instanceof DataDirInUseError) {
      fail(err.message);
    }
    fail(`Homegroup cannot start: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { handle } = opened;

  const app = await buildServer(handle, config);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await handle.close();
    fail(`Cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`);
  }

  let stopping = false;
  // Engagement windows move at each facility's midnight: keep the stored figures current.
  let refreshing: Promise<unknown> = Promise.resolve();
  const refresh = () => {
    refreshing = refreshAllFacilities(handle.db, new Date()).catch((err) => {
      if (!stopping) app.log.error({ err }, 'refreshing engagement figures failed');
    });
  };
  // The first pass waits a little, so start-up and the first requests are not slowed by it.
  const firstRefresh = setTimeout(refresh, 5_000);
  firstRefresh.unref();
  const refreshTimer = setInterval(refresh, 10 * 60_000);
  refreshTimer.unref();

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    clearTimeout(firstRefresh);
    clearInterval(refreshTimer);
    // Stop taking requests, let those in flight finish, then close the database (PGlite flushes).
    await app.close();
    await refreshing;
    await handle.close();
    app.log.info('shut down cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `Homegroup is running at http://${host}:${port}`,
    `Database: ${opened.where}${opened.seeded ? ' (new: demo data loaded)' : ''}`,
    `Started in ${seconds} s.`,
  ];
  if (config.seedDemo) {
    const logins = DEMO_STAFF.slice(0, 4).map((s) => {
      const role = Object.values(s.roles)[0] as Role;
      return `  ${demoEmail(s.login).padEnd(32)} ${ROLE_LABELS[role]}`;
    });
    lines.push(`Demo log-ins, all with the password ${DEMO_PASSWORD}:`, ...logins);
  }
  lines.push('Stop with Ctrl+C.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
  app.log.info({ port, database: handle.driver, seconds: Number(seconds) }, 'started');
}

void main();
