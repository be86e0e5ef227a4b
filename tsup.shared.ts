import type { Options } from 'tsup';

/**
 * The build every public package (`packages/*`) shares: ESM and CommonJS with declarations and source maps, ES2022
 * for no particular runtime (web-standard APIs only), tree-shaken, `dist/` cleaned first. Each package's
 * `tsup.config.ts` gives its entries and only what differs — core's `splitting` for its two entries, the emulator's
 * external core and its separate Node build.
 */
export function packageBuild(options: Options): Options {
  return {
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    ...options,
  };
}
