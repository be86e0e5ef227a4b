// Small helpers shared by the benchmark modules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The median (upper median for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `1234567.8` → `1,234,568`. */
export const formatCount = (value) => Math.round(value).toLocaleString('en');

/** Milliseconds: three decimals below 1 ms (`0.213 ms`), else one (`62.4 ms`). */
export const formatMs = (value) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

/**
 * The binary of the `bun` or `deno` npm package (its platform dependency; works without the packages'
 * postinstall), resolved from the root devDependencies. `undefined` when it is not installed for this platform.
 */
export function runtimeBinary(runtime) {
  if (runtime === 'node') return process.execPath;
  const require = createRequire(join(root, 'package.json'));
  const arch = process.arch === 'arm64' ? (runtime === 'bun' ? 'aarch64' : 'arm64') : 'x64';
  const platform = process.platform;
  const candidates =
    runtime === 'bun'
      ? [`@oven/bun-${platform}-${arch}/bin/bun`, `@oven/bun-${platform}-${arch}-musl/bin/bun`, `@oven/bun-${platform}-${arch}-baseline/bin/bun`]
      : [`@deno/${platform}-${arch}-glibc/deno`, `@deno/${platform}-${arch}/deno`];
  let from;
  try {
    from = dirname(require.resolve(`${runtime}/package.json`));
  } catch {
    return undefined;
  }
  for (const candidate of candidates) {
    try {
      const path = createRequire(join(from, 'package.json')).resolve(candidate);
      if (existsSync(path)) return path;
    } catch {
      // not this platform's package
    }
  }
  return undefined;
}
