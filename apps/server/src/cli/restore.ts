import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError } from '@homegroup/db';
import { restoreFromFile } from './backup-file';
import { fail, openForTool } from './open-for-tool';

/** `pnpm db:restore <file>`: into the configured database, which must hold no records yet. */
const arg = process.argv[2];
if (!arg) fail('Say which backup file to restore: pnpm db:restore backups/homegroup-….jsonl.gz');
const file = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
if (!existsSync(file)) fail(`There is no file at ${file}.`);
const { handle, where } = await openForTool();
try {
  const header = await restoreFromFile(handle.db, file);
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  process.stdout.write(
    `Restored ${rows} rows in ${header.tables.length} tables (backup of ${header.createdAt}) into ${where}. Every table's count and checksum matches the backup.\n`,
  );
} catch (err) {
  fail(
    err instanceof BackupError
      ? err.message
      : `The restore failed and nothing was restored: ${err instanceof Error ? err.message : String(err)}`,
  );
} finally {
  await handle.close();
}
