import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Embedded PostgreSQL must have one server process per data directory: a second one writing to
 * the same files would corrupt them. Takes the directory for this process, or says who holds it.
 * A lock left by a process that no longer runs (a crash, a power cut) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'homegroup-server.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new DataDirInUseError(
          `Another Homegroup server (process ${holder}) is already using ${dataDir}. Stop it first, or set HOMEGROUP_DATA_DIR to another folder.`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not take ${dataDir} for this server; try again.`);
}
