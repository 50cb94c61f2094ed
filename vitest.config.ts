import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Test files that need a database run once per driver: embedded PostgreSQL always, and a real
// PostgreSQL server as well when TEST_DATABASE_URL is set (CI sets it).
const databaseTests = [
  'packages/db/src/**/*.test.ts',
  'packages/api/src/**/*.test.ts',
  'apps/server/src/**/*.test.ts',
];
const databaseTimeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'unit',
      include: [
        'packages/core/src/**/*.test.ts',
        'packages/validators/src/**/*.test.ts',
        'apps/web/src/**/*.test.ts',
      ],
    },
  },
  {
    test: {
      name: 'pglite',
      include: databaseTests,
      globalSetup: ['packages/db/src/testing/global-setup.ts'],
      provide: { testDriver: 'pglite' },
      ...databaseTimeouts,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: 'postgres',
      // *.pg-test.ts: what only a PostgreSQL server can show (e.g. killing a connection).
      include: [...databaseTests, 'packages/api/src/**/*.pg-test.ts'],
      provide: { testDriver: 'pg' },
      ...databaseTimeouts,
    },
  });
}

export default defineConfig({ test: { projects } });
