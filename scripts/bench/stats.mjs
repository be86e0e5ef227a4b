// Small helpers shared by the benchmark modules.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeBinary as locateRuntime } from '../runtime-binary.mjs';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The median (upper median for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The first and third quartiles (nearest rank), for the spread of a median. */
export function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  return [at(0.25), at(0.75)];
}

/** `1234567.8` → `1,234,568`. */
export const formatCount = (value) => Math.round(value).toLocaleString('en');

/** Milliseconds: three decimals below 1 ms (`0.213 ms`), else one (`62.4 ms`). */
export const formatMs = (value) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

/** The binary of `node`, `bun` or `deno` (see scripts/runtime-binary.mjs); `undefined` when not installed here. */
export function runtimeBinary(runtime) {
  try {
    return locateRuntime(runtime);
  } catch {
    return undefined;
  }
}
