import { defineConfig } from 'tsup';

// One self-contained ESM file with a shebang (tsup makes it executable), the same on Node, Bun and Deno:
// every dependency is bundled, and `node:` specifiers are kept (Deno needs the prefix; tsup 8 strips it by default).
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  splitting: false,
  noExternal: [/.*/],
  removeNodeProtocol: false,
  treeshake: true,
  clean: true,
  sourcemap: false,
  dts: false,
});
