import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `pnpm bench:spa`: measures the built web app in Chromium against the real server on embedded
// PostgreSQL with the demo. It prints figures; it asserts nothing about time.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'bench-spa',
    include: ['**/*.measure.ts'],
    globalSetup: ['../e2e/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
