// Locates the deno and bun executables inside their npm packages' platform dependencies (pnpm does not run the
// packages' postinstall, so their own bin shims are not set up), as packages/emulator's runtime smoke test does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { requireFromSuite } from './built-packages.js';

export function runtimeBinary(runtime: 'bun' | 'deno'): string {
  const arch = process.arch === 'arm64' ? (runtime === 'bun' ? 'aarch64' : 'arm64') : 'x64';
  const platform = process.platform;
  const candidates =
    runtime === 'bun'
      ? [`@oven/bun-${platform}-${arch}/bin/bun`, `@oven/bun-${platform}-${arch}-musl/bin/bun`, `@oven/bun-${platform}-${arch}-baseline/bin/bun`]
      : [`@deno/${platform}-${arch}-glibc/deno`, `@deno/${platform}-${arch}/deno`];
  const from = dirname(requireFromSuite.resolve(`${runtime}/package.json`));
  for (const candidate of candidates) {
    try {
      return createRequire(join(from, 'package.json')).resolve(candidate);
    } catch {
      // not this platform's package
    }
  }
  throw new Error(`no ${runtime} binary for ${platform}-${process.arch} in the ${runtime} npm package's dependencies`);
}
