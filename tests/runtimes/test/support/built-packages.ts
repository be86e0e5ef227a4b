// The suite runs the BUILT packages (dist/), never their sources. turbo builds them first (`test` depends on
// `^build`); when run directly, a missing build is reported instead of silently testing something stale.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const suiteDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const scenarioDir = join(suiteDir, 'scenario');
export const requireFromSuite = createRequire(join(suiteDir, 'package.json'));

const BUILT_FILES = [
  '@tokenwire/core/dist/index.js',
  '@tokenwire/live-config/dist/index.js',
  '@tokenwire/aicc-messaging/dist/index.js',
  '@tokenwire/emulator/dist/index.js',
  '@tokenwire/emulator/dist/serve.node.js',
  '@tokenwire/edge-worker/dist/worker.js',
];

/** Throws a clear error naming every built file that is missing. */
export function assertPackagesBuilt(): void {
  const missing = BUILT_FILES.filter((file) => {
    const [scope, name, ...rest] = file.split('/');
    const packageDir = dirname(requireFromSuite.resolve(`${scope}/${name}/package.json`));
    return !existsSync(join(packageDir, ...rest));
  });
  if (missing.length > 0) {
    throw new Error(`build the packages first (npx -y pnpm@10 exec turbo run build --filter=@tokenwire/runtime-tests...); missing: ${missing.join(', ')}`);
  }
}
