import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../vitest.shared.js';

// Node-side tests that drive other runtimes (deno, bun, workerd, Chromium) in their own processes.
export default mergeConfig(sharedVitestConfig, defineConfig({ test: { include: ['test/**/*.test.ts'] } }));
