import { defineConfig, type Options } from 'tsup';

/**
 * fflate's `node` export condition is a build that loads `worker_threads` through `createRequire` from the bare
 * specifier `module`; the CLI needs none of that (it only inflates UserSigs synchronously). Resolving fflate's
 * web-standard build instead keeps the bundle free of bare Node specifiers, so Deno sees only `node:` imports.
 */
const fflateWebBuild: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'fflate-web-build',
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, (args) => build.resolve('fflate/browser', { resolveDir: args.resolveDir, kind: args.kind }));
  },
};

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
  esbuildPlugins: [fflateWebBuild],
});
