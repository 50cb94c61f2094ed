import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type BackupHeader, backupLines, type Db, restoreBackup } from '@homegroup/db';

/** Writes a gzipped backup to `file` (via a temporary name, so a failed backup leaves no file). */
export async function backupToFile(db: Db, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.from(backupLines(db)), createGzip(), createWriteStream(partial));
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/** Restores a gzipped backup file into an empty database (see `restoreBackup`). */
export function restoreFromFile(db: Db, file: string): Promise<BackupHeader> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  return restoreBackup(db, lines);
}
