import { defineConfig } from 'vitest/config';

/**
 * Settings every package's vitest config extends. CI runs on 2 cores with several packages' suites side by
 * side; property-based and runtime-smoke tests are CPU-bound, so the default 5 s per test is too tight there.
 * Tests never assert on elapsed time, so a generous ceiling only turns a hang into a failure.
 */
export const sharedVitestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
