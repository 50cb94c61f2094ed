import type { Migration } from 'kysely';
import * as createFoundation from './20261121T193000Z-create-foundation';

/**
 * Every migration, in order. A static list (no file globbing) works under any bundler or test
 * runner. Add new migrations at the end; never edit one that has landed.
 */
export const migrations: Record<string, Migration> = {
  '20261121T193000Z-create-foundation': createFoundation,
};
