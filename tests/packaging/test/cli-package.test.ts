// The CLI as users get it: `pnpm pack` of apps/cli (one self-contained file, every dependency bundled), then
// - `npx --package=<tarball> tokenwire` from an empty directory with an empty npm cache: what `npx @tokenwire/cli demo` does on a machine
//   that never cloned the repository;
// - `npm install` of the tarball into a scratch project, then the `tokenwire` bin under Node (its shebang),
//   `bunx --bun tokenwire` and `deno run -A npm:@tokenwire/cli` (Deno resolves it from the project's node_modules).
// Each runtime prints `--version` (naming itself) and runs the whole demo against the embedded emulator.
import { execFile, type ExecFileOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../../../scripts/assert-built.mjs';
import { runtimeBinary } from '../../../scripts/runtime-binary.mjs';
import { runtimeEnvironment } from '../../../scripts/runtime-env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..', '..');
const cliDir = join(repository, 'apps', 'cli');
const cliManifest = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string };

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let scratch: string;
let project: string;
let empty: string;
let tarball: string;

/** The environment of every run: nothing of the outer TOKENWIRE_* settings, no config file, a scratch Deno cache. */
function environment(): Record<string, string | undefined> {
  const outer = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TOKENWIRE_')));
  return runtimeEnvironment(
    {
      HOME: join(scratch, 'home'),
      XDG_CONFIG_HOME: join(scratch, 'home', '.config'),
      DENO_DIR: join(scratch, 'deno-dir'),
      npm_config_cache: join(scratch, 'npm-cache'),
      npm_config_update_notifier: 'false',
    },
    outer,
  );
}

function run(command: string, args: readonly string[], options: ExecFileOptions & { timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024, timeout: options.timeoutMs ?? 120_000, ...options, env: environment() },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

async function runOk(command: string, args: readonly string[], options: ExecFileOptions & { timeoutMs?: number } = {}): Promise<Run> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** pnpm as the test was started with it (`pnpm test`, turbo), else through npx as the README says. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env['npm_execpath'];
  if (execPath !== undefined && /pnpm/.test(execPath)) return [process.execPath, [execPath]];
  return ['npx', ['-y', 'pnpm@10']];
}

beforeAll(async () => {
  assertBuilt({
    name: '@tokenwire/cli',
    outputs: [join(cliDir, 'dist', 'cli.js')],
    inputs: [join(cliDir, 'src'), join(cliDir, 'tsup.config.ts'), join(cliDir, 'package.json')],
  });
  scratch = mkdtempSync(join(tmpdir(), 'tokenwire-cli-packaging-'));
  const packed = join(scratch, 'tarballs');
  project = join(scratch, 'project');
  empty = join(scratch, 'empty');
  for (const directory of [packed, project, empty, join(scratch, 'home')]) mkdirSync(directory);
  const [pnpm, pnpmArgs] = pnpmCommand();
  await runOk(pnpm, [...pnpmArgs, 'pack', '--pack-destination', packed], { cwd: cliDir });
  const file = readdirSync(packed).find((name) => /^tokenwire-cli-\d.*\.tgz$/.test(name));
  if (file === undefined) throw new Error(`pnpm pack wrote no tokenwire-cli tarball: ${readdirSync(packed).join(', ')}`);
  tarball = join(packed, file);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'tokenwire-cli-scratch', private: true, type: 'module' }, null, 2));
  await runOk('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project, timeoutMs: 300_000 });
}, 600_000);

afterAll(() => {
  if (scratch !== undefined && process.env['KEEP_PACKAGING_SCRATCH'] === undefined) rmSync(scratch, { recursive: true, force: true });
});

/** `--version --json` names the packed version and the runtime. */
function expectVersion(result: Run, runtime: string): void {
  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({
    ok: true,
    version: cliManifest.version,
    runtime: expect.stringMatching(new RegExp(`^${runtime} \\d+\\.\\d+`)),
  });
}

/** `demo --json`: every step ran and was checked. */
function expectDemo(result: Run): void {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, passed: 11, total: 11 });
}

describe('the packed @tokenwire/cli', () => {
  it('holds the bundle, its manifest and README, and nothing else', async () => {
    const { stdout } = await runOk('tar', ['-tzvf', tarball]);
    const entries = stdout.trim().split('\n');
    const files = entries.map((line) => line.split(/\s+/).at(-1)).sort();
    expect(files.filter((name) => name !== 'package/LICENSE')).toEqual([
      'package/README.md',
      'package/dist/cli.js',
      'package/package.json',
    ]);
    // The bin is executable and starts with a node shebang (npm links it as is on POSIX).
    expect(entries.find((line) => line.endsWith('package/dist/cli.js'))).toMatch(/^-rwx/);
    const installed = join(project, 'node_modules', '@tokenwire', 'cli');
    expect(readFileSync(join(installed, 'dist', 'cli.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('is public, self-contained (no dependencies to resolve: everything is bundled) and names its bin, engines and repository', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', '@tokenwire', 'cli', 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      name: '@tokenwire/cli',
      version: cliManifest.version,
      bin: { tokenwire: './dist/cli.js' },
      engines: { node: '>=20.19' },
      repository: { type: 'git', directory: 'apps/cli' },
      homepage: expect.stringMatching(/^https:\/\//),
      bugs: { url: expect.stringMatching(/^https:\/\//) },
    });
    expect(manifest['private']).toBeUndefined();
    expect(manifest['dependencies']).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/workspace:/);
    expect(readdirSync(join(project, 'node_modules', '@tokenwire'))).toEqual(['cli']);
  });

  it('npx --package=<tarball> tokenwire from an empty directory and an empty npm cache: --version and the demo, on Node', {
    timeout: 300_000,
  }, async () => {
    expectVersion(
      await run('npx', ['-y', `--package=${tarball}`, 'tokenwire', '--version', '--json'], { cwd: empty, timeoutMs: 120_000 }),
      'node',
    );
    expectDemo(await run('npx', ['-y', `--package=${tarball}`, 'tokenwire', 'demo', '--json'], { cwd: empty, timeoutMs: 120_000 }));
  });
});

describe('the installed tokenwire bin', () => {
  const bin = (): string => join(project, 'node_modules', '.bin', 'tokenwire');
  const runtimes = {
    // npm's bin link, run through its shebang: Node.
    node: (args: readonly string[]) => run(bin(), args, { cwd: project, timeoutMs: 120_000 }),
    // bunx runs a bin with node when its shebang says node; --bun makes Bun run it.
    bun: (args: readonly string[]) => run(runtimeBinary('bun'), ['x', '--bun', 'tokenwire', ...args], { cwd: project, timeoutMs: 120_000 }),
    deno: (args: readonly string[]) =>
      run(runtimeBinary('deno'), ['run', '-A', '--node-modules-dir=manual', 'npm:@tokenwire/cli', ...args], {
        cwd: project,
        timeoutMs: 120_000,
      }),
  } as const;

  describe.each(Object.keys(runtimes) as (keyof typeof runtimes)[])('under %s', (runtime) => {
    it('--version names the packed version and the runtime', async () => {
      expectVersion(await runtimes[runtime](['--version', '--json']), runtime);
    });

    it('demo runs all eleven steps', { timeout: 120_000 }, async () => {
      expectDemo(await runtimes[runtime](['demo', '--json']));
    });

    it('a usage error exits 2 with a message and no stack trace', async () => {
      const result = await runtimes[runtime](['usersig', 'sign', '--sdk-app-id', '1400000000', '--expire', 'soon']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--expire/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
