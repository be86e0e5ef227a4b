import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordRun } from './secret-audit.js';
import { temporaryDirectory } from './temporary-directory.js';
import { runtimeBinary } from '../../../../scripts/runtime-binary.mjs';
import { certificateTrust } from '../../../../scripts/runtime-env.mjs';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built bundle every test runs. */
export const CLI_PATH = join(cliDir, 'dist', 'cli.js');

/** A JavaScript runtime the bundle runs under. */
export type Runtime = 'node' | 'bun' | 'deno';

export { runtimeBinary };

/** The command line that runs the bundle under a runtime. */
export function cliCommand(runtime: Runtime): [string, string[]] {
  if (runtime === 'deno') return [runtimeBinary('deno'), ['run', '-A', CLI_PATH]];
  return [runtimeBinary(runtime), [CLI_PATH]];
}

/** A fresh, empty configuration home, so no real config file of the machine leaks into a test. */
export const EMPTY_HOME = temporaryDirectory('cli-home');

/** The environment every run starts from: nothing of the outer TOKENWIRE_* settings, no colour, no config. */
export function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('TOKENWIRE_') && name !== 'NO_COLOR' && name !== 'FORCE_COLOR') env[name] = value;
  }
  return {
    ...env,
    ...certificateTrust(),
    HOME: EMPTY_HOME,
    XDG_CONFIG_HOME: join(EMPTY_HOME, '.config'),
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PROMPT: '1',
  };
}

/** Options of {@link runCli}. */
export interface RunOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to standard input, which is then closed. */
  readonly input?: string;
  readonly runtime?: Runtime;
  /** Secrets this run is expected to print (e.g. `usersig sign`, `--show-secrets`); the audit allows them here. */
  readonly reveals?: readonly string[];
  readonly timeoutMs?: number;
}

/** What a run printed and how it ended. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `stdout` parsed as JSON (throws when it is not exactly one JSON value). */
  json<T = Record<string, unknown>>(): T;
  /** Tells the redaction audit that this run was asked to print these secrets (`--show-secrets`). */
  allowRevealed(...secrets: string[]): void;
}

function finish(child: ChildProcessWithoutNullStreams, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`tokenwire ${args.join(' ')} did not finish in ${options.timeoutMs ?? 20_000} ms:\n${Buffer.concat(stderr).toString()}`),
      );
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const output = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      const allow = recordRun(args, output, options.reveals ?? []);
      resolve({
        code,
        signal,
        ...output,
        json<T>() {
          return JSON.parse(output.stdout) as T;
        },
        allowRevealed: allow,
      });
    });
  });
}

/** Starts the CLI and returns the child, for runs a test drives itself (signals, streamed input). */
export function spawnCli(
  args: readonly string[],
  options: Omit<RunOptions, 'input'> = {},
): ChildProcessWithoutNullStreams & { result: Promise<RunResult> } {
  const [command, prefix] = cliCommand(options.runtime ?? 'node');
  const env = { ...baseEnvironment(), ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(command, [...prefix, ...args], { env: env as Record<string, string> });
  return Object.assign(child, { result: finish(child, args, options) });
}

/** Runs the built CLI once to the end. */
export async function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawnCli(args, options);
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  return child.result;
}
