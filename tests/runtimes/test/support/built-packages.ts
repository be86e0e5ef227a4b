// The suite runs the BUILT packages (dist/), never their sources. turbo builds them first (`test` depends on
// `^build`); when run directly, a missing or stale build is reported instead of silently testing something old.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt } from '../../../../scripts/assert-built.mjs';

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

/** Throws a clear error when a built file is missing or older than its package's sources. */
export function assertPackagesBuilt(): void {
  for (const file of BUILT_FILES) {
    const [scope, name, ...rest] = file.split('/');
    const packageDir = dirname(requireFromSuite.resolve(`${scope}/${name}/package.json`));
    assertBuilt({
      name: `${scope}/${name}`,
      outputs: [join(packageDir, ...rest)],
      // The package's build configuration is its own tsup.config.ts and the repository's tsup.shared.ts.
      inputs: [join(packageDir, 'src'), join(packageDir, 'tsup.config.ts'), join(packageDir, '..', '..', 'tsup.shared.ts')],
    });
  }
}
