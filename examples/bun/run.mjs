// Runs `bun <args>` with the Bun binary of the `bun` npm package (its platform package; the package's own
// postinstall is not needed), in this folder, and exits with its exit code. Kills it after 120 s.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
const arch = process.arch === 'arm64' ? 'aarch64' : 'x64';
const from = createRequire(require.resolve('bun/package.json'));
let binary;
const platform = process.platform;
for (const candidate of [`@oven/bun-${platform}-${arch}/bin/bun`, `@oven/bun-${platform}-${arch}-musl/bin/bun`, `@oven/bun-${platform}-${arch}-baseline/bin/bun`]) {
  try {
    binary = from.resolve(candidate);
    break;
  } catch {
    // not this platform's package
  }
}
if (binary === undefined) {
  console.error(`no bun binary for ${process.platform}-${process.arch} in the bun npm package's dependencies`);
  process.exit(1);
}
const child = spawn(binary, process.argv.slice(2), {
  cwd: here,
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
});
const timer = setTimeout(() => {
  console.error('bun did not finish within 120 s');
  child.kill('SIGKILL');
}, 120_000);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
