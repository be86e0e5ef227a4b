// Where the built worker lives, and the check that it is there and current (turbo builds it before `test`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt } from '../../../../scripts/assert-built.mjs';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const workerBundle = join(appDir, 'dist', 'worker.js');

/** Throws when dist/ (the worker bundle and the Deno/Bun entry points) is missing or older than the sources. */
export function assertWorkerBuilt(): void {
  assertBuilt({
    name: '@tokenwire/edge-worker',
    outputs: ['worker.js', 'deno.js', 'bun.js'].map((name) => join(appDir, 'dist', name)),
    inputs: [join(appDir, 'src'), join(appDir, 'tsup.config.ts')],
  });
}
