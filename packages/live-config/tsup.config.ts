import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', node: 'src/node.ts', hono: 'src/hono.ts' },
    // One copy of each module the entries share (callbackAckParts and its schemas), in the CommonJS build too: the
    // adapters add nothing to the main entry, and an app importing two entries does not carry the code twice.
    splitting: true,
  }),
);
