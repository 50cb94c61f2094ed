import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test-only: where the sample Meeting Guide feeds live. They are shared test data outside the
 * repository (never copied into it), so the repository may be cloned anywhere beside them.
 */

const FEEDS_BESIDE_AN_ANCESTOR = join('shared', 'data', 'meeting-feeds');
const DEFAULT_FEEDS_DIR = '/work/shared/data/meeting-feeds';

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * `HOMEGROUP_SAMPLE_FEEDS` when set; else `shared/data/meeting-feeds` beside the nearest ancestor
 * of this file that has one; else the standard location. Throws rather than letting tests skip.
 */
export function sampleFeedsDir(startDir: string = dirname(fileURLToPath(import.meta.url))): string {
  const fromEnv = process.env.HOMEGROUP_SAMPLE_FEEDS;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isDirectory(fromEnv)) {
      throw new Error(`HOMEGROUP_SAMPLE_FEEDS is set to "${fromEnv}", which is not a directory.`);
    }
    return fromEnv;
  }
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, FEEDS_BESIDE_AN_ANCESTOR);
    if (isDirectory(candidate)) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      break;
    }
  }
  if (isDirectory(DEFAULT_FEEDS_DIR)) {
    return DEFAULT_FEEDS_DIR;
  }
  throw new Error(
    `Sample meeting feeds not found: set HOMEGROUP_SAMPLE_FEEDS, or put them in ${FEEDS_BESIDE_AN_ANCESTOR} beside an ancestor of ${startDir}.`,
  );
}
