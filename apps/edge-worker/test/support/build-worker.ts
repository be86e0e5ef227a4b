// Builds dist/ (the worker bundle and the Deno/Bun entry points) when it is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const workerBundle = join(appDir, 'dist', 'worker.js');
const require = createRequire(join(appDir, 'package.json'));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the app with its own tsup when dist/ is stale; the workspace packages must be built (turbo does that). */
export function ensureBuilt(): void {
  const outputs = ['worker.js', 'deno.js', 'bun.js'].map((name) => join(appDir, 'dist', name));
  const sources = Math.max(newest(join(appDir, 'src')), statSync(join(appDir, 'tsup.config.ts')).mtimeMs);
  if (outputs.every((output) => existsSync(output) && statSync(output).mtimeMs >= sources)) return;
  const result = spawnSync(process.execPath, [require.resolve('tsup/dist/cli-default.js')], { cwd: appDir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the edge worker failed:\n${result.stdout}\n${result.stderr}`);
}
