import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds dist/cli.js when it is missing or older than its sources: the tests run the built bundle.
    globalSetup: ['test/support/build-cli.ts'],
    // Every test file ends by checking that no secret reached any output of any run.
    setupFiles: ['test/support/secret-audit.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
