import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

// Each run gets its own scratch folder and database names, so parallel runs never touch each other's data.
process.env.LSSC_TEST_RUN_ID ??= `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;

const browser = process.env.TEST_BROWSER === '1';
if (process.env.CI === 'true' && !browser) {
  // In CI every tier runs: a skipped browser tier is a failure, not a quiet pass.
  throw new Error('CI=true but TEST_BROWSER is not 1: the browser journeys must run in CI.');
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}', ...(browser ? ['e2e/**/*.test.ts'] : [])],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // The files of a worker share one process and its loaded modules: importing the app once per
    // worker instead of once per file saves minutes. So no test may rely on a fresh module state.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
