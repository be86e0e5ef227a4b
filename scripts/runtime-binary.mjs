// Locates the Deno and Bun executables inside the `deno` and `bun` npm packages' platform dependencies. pnpm
// does not run those packages' postinstall, so their own bin shims are never set up; the platform packages hold
// the real binaries. Shared by the runtime smoke tests, the examples' runners, the benchmarks and the JSR script.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The absolute path of the `bun` or `deno` binary for this platform, or of Node itself for `node`.
 *
 * @param {'node' | 'bun' | 'deno'} runtime
 * @returns {string}
 */
export function runtimeBinary(runtime) {
  if (runtime === 'node') return process.execPath;
  const arch = process.arch === 'arm64' ? (runtime === 'bun' ? 'aarch64' : 'arm64') : 'x64';
  const platform = process.platform;
  const candidates =
    runtime === 'bun'
      ? [
          `@oven/bun-${platform}-${arch}/bin/bun`,
          `@oven/bun-${platform}-${arch}-musl/bin/bun`,
          `@oven/bun-${platform}-${arch}-baseline/bin/bun`,
        ]
      : [`@deno/${platform}-${arch}-glibc/deno`, `@deno/${platform}-${arch}/deno`];
  const from = createRequire(join(dirname(require.resolve(`${runtime}/package.json`)), 'package.json'));
  for (const candidate of candidates) {
    try {
      return from.resolve(candidate);
    } catch {
      // not this platform's package
    }
  }
  throw new Error(`no ${runtime} binary for ${platform}-${process.arch} in the ${runtime} npm package's dependencies`);
}
