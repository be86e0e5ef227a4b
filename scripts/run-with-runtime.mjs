#!/usr/bin/env node
// `node scripts/run-with-runtime.mjs <bun|deno> <args…>`: runs the binary of the `bun` or `deno` npm package (see
// runtime-binary.mjs) with those arguments in the current folder, and exits with its exit code. Kills it after
// 120 s. The examples' `start`, `test` and `typecheck` scripts use it.
import { spawn } from 'node:child_process';
import { runtimeBinary } from './runtime-binary.mjs';
import { runtimeEnvironment } from './runtime-env.mjs';

const [runtime, ...args] = process.argv.slice(2);
if (runtime !== 'bun' && runtime !== 'deno') {
  console.error('usage: node scripts/run-with-runtime.mjs <bun|deno> <args…>');
  process.exit(2);
}
let binary;
try {
  binary = runtimeBinary(runtime);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const child = spawn(binary, args, {
  stdio: 'inherit',
  env: runtimeEnvironment(),
});
const timer = setTimeout(() => {
  console.error(`${runtime} did not finish within 120 s`);
  child.kill('SIGKILL');
}, 120_000);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
