import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', internal: 'src/internal.ts' },
    // One copy of every module (the error classes above all) shared by both entries, in the CommonJS build too.
    splitting: true,
  }),
);
