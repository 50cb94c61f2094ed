import { DataDirInUseError } from '../data-dir-lock';
import { ConfigError, parseEnv } from '../env';
import { DatabaseUnreachableError, openDatabase } from '../open-database';

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * Opens the database the server would use (DATABASE_URL, or the embedded one in its data
 * directory) for a command-line tool: brought up to date, never seeded with demo data.
 */
export async function openForTool() {
  try {
    const config = { ...parseEnv(process.env), seedDemo: false };
    return await openDatabase(config);
  } catch (err) {
    if (
      err instanceof ConfigError ||
      err instanceof DatabaseUnreachableError ||
      err instanceof DataDirInUseError
    ) {
      fail(err.message);
    }
    throw err;
  }
}
