// Redaction audit: every secret a test knows about (keys, UserSigs, callback tokens, app secrets, AccessTokens,
// ccmessaging-tokens) is registered here, every CLI run is recorded, and each test file ends by asserting that no
// registered secret appears in the stdout or stderr of any run — except where a run was expected to reveal it.
import { afterAll, expect } from 'vitest';

interface RecordedRun {
  readonly args: readonly string[];
  readonly output: string;
  /** Secrets this run was asked to print (`--show-secrets`, `usersig sign`). */
  readonly reveals: string[];
}

const secrets = new Set<string>();
const runs: RecordedRun[] = [];

/** Registers secrets that must never be printed. Returns the first one, for convenience. */
export function registerSecret<T extends string | undefined>(value: T, ...more: (string | undefined)[]): T {
  for (const secret of [value, ...more]) if (typeof secret === 'string' && secret.length >= 4) secrets.add(secret);
  return value;
}

/**
 * Records one finished run (called by the runner) and returns a function that allows it to have printed some
 * secrets, for runs that were asked to (learned only after the run, e.g. tokens the emulator issued).
 */
export function recordRun(
  args: readonly string[],
  result: { stdout: string; stderr: string },
  reveals: readonly string[],
): (...allowed: string[]) => void {
  const run: RecordedRun = { args, output: `${result.stdout}\n${result.stderr}`, reveals: [...reveals] };
  runs.push(run);
  return (...allowed) => {
    run.reveals.push(...allowed);
  };
}

/** The runs whose output contains a registered secret they were not expected to reveal. */
export function leaks(): { args: string; secret: string }[] {
  const found: { args: string; secret: string }[] = [];
  for (const run of runs) {
    for (const secret of secrets) {
      if (run.reveals.includes(secret)) continue;
      if (run.output.includes(secret)) found.push({ args: run.args.join(' '), secret: `${secret.slice(0, 4)}…(${secret.length} chars)` });
    }
  }
  return found;
}

afterAll(() => {
  // Unit test files run no CLI; for the others this covers every run of the file.
  expect(leaks()).toEqual([]);
});
