import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../create-db';
import { migrateToLatest } from '../migrate';

/**
 * Runs once per test run for a database project: migrates one embedded database and saves it,
 * so each test file starts from a copy (~0.5 s) instead of running initdb (~2.5 s).
 */
export default async function setup(project: TestProject) {
  const driver = project.config.provide?.testDriver ?? 'pglite';
  if (driver !== 'pglite') return;
  const dir = await mkdtemp(join(tmpdir(), 'homegroup-test-'));
  const handle = await createDb({});
  await migrateToLatest(handle.db);
  const dump = await handle.dumpDataDir?.();
  await handle.close();
  if (!dump) throw new Error('embedded database could not be dumped');
  const file = join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
