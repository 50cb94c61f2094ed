import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'homegroup-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const pidFile = () => join(dir, 'homegroup-server.pid');

describe('the data directory lock', () => {
  it('is taken, refused to a second holder while held, and free again once released', async () => {
    const release = await lockDataDir(dir);
    expect(await readFile(pidFile(), 'utf8')).toBe(String(process.pid));
    // Another live process holding it: the parent of this test process stands in for one.
    await writeFile(pidFile(), String(process.ppid));
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await writeFile(pidFile(), String(process.pid));
    await release();
    const again = await lockDataDir(dir);
    await again();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    await writeFile(pidFile(), '2147483646');
    const release = await lockDataDir(dir);
    expect(await readFile(pidFile(), 'utf8')).toBe(String(process.pid));
    await release();
  });
});
