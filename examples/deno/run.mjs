// Runs `deno <args>` with the Deno binary of the `deno` npm package (its platform package; the package's own
// postinstall is not needed), in this folder, and exits with its exit code. Kills it after 120 s.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const from = createRequire(require.resolve('deno/package.json'));
let binary;
for (const candidate of [`@deno/${process.platform}-${arch}-glibc/deno`, `@deno/${process.platform}-${arch}/deno`]) {
  try {
    binary = from.resolve(candidate);
    break;
  } catch {
    // not this platform's package
  }
}
if (binary === undefined) {
  console.error(`no deno binary for ${process.platform}-${process.arch} in the deno npm package's dependencies`);
  process.exit(1);
}
const child = spawn(binary, process.argv.slice(2), {
  cwd: here,
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
});
const timer = setTimeout(() => {
  console.error('deno did not finish within 120 s');
  child.kill('SIGKILL');
}, 120_000);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
