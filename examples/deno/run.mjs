// Runs `deno <args>` with the Deno binary of the `deno` npm package (its platform package; the package's own
// postinstall is not needed), in this folder, and exits with its exit code. Kills it after 120 s.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeBinary } from '../../scripts/runtime-binary.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let binary;
try {
  binary = runtimeBinary('deno');
} catch (error) {
  console.error(error.message);
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
