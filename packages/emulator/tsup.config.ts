import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

const emulator = {
  external: ['@tokenwire/core'],
  // Keep `node:http`: Deno and Bun need the prefix, and Node has accepted it since 14.
  removeNodeProtocol: false,
} as const;

// Two builds: the runtime-neutral entries, and the Node-only server (reached through the `node` export
// condition of `./serve`). Each cleans only its own files, since tsup runs them side by side.
export default defineConfig([
  packageBuild({
    ...emulator,
    entry: { index: 'src/index.ts', serve: 'src/serve.ts' },
    clean: ['index.*', 'serve.js*', 'serve.cjs*', 'serve.d.ts', 'serve.d.cts', 'chunk-*'],
  }),
  packageBuild({
    ...emulator,
    entry: { 'serve.node': 'src/serve.node.ts' },
    platform: 'node',
    clean: ['serve.node.*'],
  }),
]);
