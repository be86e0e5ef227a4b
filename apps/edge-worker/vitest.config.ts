import { defineConfig } from 'vitest/config';

// Tests run in Node and drive the built bundle inside workerd (miniflare 3), Deno and Bun.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
