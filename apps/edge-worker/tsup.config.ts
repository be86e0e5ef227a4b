import { defineConfig } from 'tsup';

// Two builds. The worker: ONE self-contained ESM bundle (every dependency inlined, no chunks, web APIs only) —
// what workerd, Deno and Bun all run. The Deno and Bun entry points: thin files that import that same bundle
// (`./worker.js` stays an import), so every runtime runs the identical handler.
export default defineConfig([
  {
    entry: { worker: 'src/worker.ts' },
    format: ['esm'],
    platform: 'neutral',
    target: 'es2022',
    noExternal: [/.*/],
    splitting: false,
    treeshake: true,
    minify: true,
    sourcemap: true,
    clean: ['worker.*'],
  },
  {
    entry: { deno: 'src/deno.ts', bun: 'src/bun.ts' },
    format: ['esm'],
    platform: 'neutral',
    target: 'es2022',
    splitting: false,
    sourcemap: false,
    clean: ['deno.*', 'bun.*'],
    esbuildPlugins: [
      {
        name: 'keep-worker-bundle-import',
        setup(build) {
          build.onResolve({ filter: /^\.\/worker\.js$/ }, () => ({ path: './worker.js', external: true }));
        },
      },
    ],
  },
]);
