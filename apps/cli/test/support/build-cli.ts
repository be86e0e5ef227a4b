// Vitest global setup: the tests run the built single-file CLI, so it must exist and be newer than its sources,
// its build config and the workspace packages it bundles (turbo builds all of them before `test`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt } from '../../../../scripts/assert-built.mjs';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default function setup(): void {
  const dependencies = ['core', 'live-config', 'emulator', 'aicc-messaging'].map((name) =>
    join(cliDir, '..', '..', 'packages', name, 'dist'),
  );
  assertBuilt({
    name: '@tokenwire/cli',
    outputs: [join(cliDir, 'dist', 'cli.js')],
    inputs: [join(cliDir, 'src'), join(cliDir, 'tsup.config.ts'), join(cliDir, 'package.json'), ...dependencies],
  });
}
