#!/usr/bin/env node
/**
 * The `tokenwire` command. Runs the same on Node (≥ 20.19), Bun and Deno (`deno run -A`): arguments from
 * `process.argv`, output on `process.stdout`/`process.stderr`, Ctrl-C (SIGINT) and SIGTERM abort the running
 * command, which closes what it opened; a second Ctrl-C exits at once.
 *
 * @packageDocumentation
 */
import { COMMAND_TREE } from './command-tree.js';
import { ExitCode } from './exit-code.js';
import { runCli } from './run-cli.js';

const interrupt = new AbortController();
let interrupts = 0;
const onSignal = (): void => {
  interrupts += 1;
  if (interrupts > 1) process.exit(ExitCode.interrupted);
  interrupt.abort(new DOMException('Interrupted', 'AbortError'));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(
  {
    argv: process.argv.slice(2),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: interrupt.signal,
    now: () => Date.now(),
  },
  COMMAND_TREE,
);
process.exit(code);
