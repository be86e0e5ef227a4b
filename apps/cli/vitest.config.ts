import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The tests run the built bundle: fails fast when dist/cli.js is missing or older than its sources or the
    // packages it bundles (build it with `pnpm exec turbo run build --filter=@tokenwire/cli`).
    globalSetup: ['test/support/build-cli.ts'],
    // Every test file ends by checking that no secret reached any output of any run.
    setupFiles: ['test/support/secret-audit.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
