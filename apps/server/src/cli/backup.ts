import { resolve } from 'node:path';
import { backupToFile } from './backup-file';
import { fail, openForTool } from './open-for-tool';

/** `pnpm db:backup [file]`: the whole database, gzipped, to `file` (default: backups/…). */
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = resolve(
  process.env.INIT_CWD ?? process.cwd(),
  process.argv[2] ?? `backups/homegroup-${stamp}.jsonl.gz`,
);
const { handle, where } = await openForTool();
try {
  await backupToFile(handle.db, file);
  process.stdout.write(`Backed up ${where} to ${file}\n`);
} catch (err) {
  fail(
    `The backup failed and no file was written: ${err instanceof Error ? err.message : String(err)}`,
  );
} finally {
  await handle.close();
}
