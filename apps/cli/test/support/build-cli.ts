// Vitest global setup: the tests run the built single-file CLI, so build it first when it is missing or stale
// (older than a source file, the build config, or a workspace dependency's build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(cliDir, 'package.json'));

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let result = 0;
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.test.ts')) continue;
    result = Math.max(result, newest(join(path, entry)));
  }
  return result;
}

export default function setup(): void {
  const built = join(cliDir, 'dist', 'cli.js');
  const dependencies = ['core', 'live-config', 'emulator', 'aicc-messaging'].map((name) => join(cliDir, '..', '..', 'packages', name, 'dist'));
  const inputs = Math.max(newest(join(cliDir, 'src')), newest(join(cliDir, 'tsup.config.ts')), newest(join(cliDir, 'package.json')), ...dependencies.map(newest));
  if (existsSync(built) && statSync(built).mtimeMs >= inputs) return;
  const result = spawnSync(process.execPath, [require.resolve('tsup/dist/cli-default.js')], { cwd: cliDir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the CLI failed:\n${result.stdout}\n${result.stderr}`);
}
