import { defineConfig } from 'vitest/config';

const browser = process.env.TEST_BROWSER === '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}', ...(browser ? ['e2e/**/*.test.ts'] : [])],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
