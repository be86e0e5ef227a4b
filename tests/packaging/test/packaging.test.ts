// The public packages as users get them: `pnpm pack` each one (workspace:* ranges become versions), `npm install`
// the tarballs into a scratch project (their dependencies come from the registry), then import them the way users
// do — Node ESM, Node CJS, Deno, Bun — and do real work (fixtures/scenario.mjs), and type-check a TypeScript
// consumer with `module: node16` as ESM and as CJS. One pack + install per run, in beforeAll. Then the JSR side:
// jsr.json in step with package.json, and `deno publish --dry-run` for every package.
import { execFile, type ExecFileOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../../../scripts/assert-built.mjs';
import { runtimeBinary } from '../../../scripts/runtime-binary.mjs';
import { runtimeEnvironment } from '../../../scripts/runtime-env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packagingDir = join(here, '..');
const fixtures = join(packagingDir, 'fixtures');
const repository = join(packagingDir, '..', '..');
const require = createRequire(join(packagingDir, 'package.json'));

/** The public packages, by directory under packages/. */
const PUBLIC_PACKAGES = ['core', 'live-config', 'aicc-messaging', 'emulator'] as const;
// `@tokenwire/core/internal` is the toolbox the other packages import (not public API): it must resolve like the rest.
const SPECIFIERS = [
  '@tokenwire/core',
  '@tokenwire/core/internal',
  '@tokenwire/live-config',
  '@tokenwire/aicc-messaging',
  '@tokenwire/emulator',
  '@tokenwire/emulator/serve',
];

interface Run {
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], options: ExecFileOptions & { timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        encoding: 'utf8',
        maxBuffer: 32 * 1024 * 1024,
        timeout: options.timeoutMs ?? 120_000,
        ...options,
        env: runtimeEnvironment(options.env),
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed (${error.message.split('\n')[0]}):\n${stdout}\n${stderr}`));
        else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** pnpm as the test was started with it (`pnpm test`, turbo), else through npx as the README says. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env['npm_execpath'];
  if (execPath !== undefined && /pnpm/.test(execPath)) return [process.execPath, [execPath]];
  return ['npx', ['-y', 'pnpm@10']];
}

let scratch: string;
let project: string;
const tarballs = new Map<string, string>();

beforeAll(async () => {
  for (const name of PUBLIC_PACKAGES) {
    const packageDir = join(repository, 'packages', name);
    assertBuilt({
      name: `@tokenwire/${name}`,
      outputs: ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts'].map((file) => join(packageDir, 'dist', file)),
      inputs: [join(packageDir, 'src'), join(packageDir, 'tsup.config.ts'), join(repository, 'tsup.shared.ts')],
    });
  }
  scratch = mkdtempSync(join(tmpdir(), 'tokenwire-packaging-'));
  const packed = join(scratch, 'tarballs');
  project = join(scratch, 'project');
  mkdirSync(packed);
  mkdirSync(project);

  const [pnpm, pnpmArgs] = pnpmCommand();
  await Promise.all(
    PUBLIC_PACKAGES.map((name) =>
      run(pnpm, [...pnpmArgs, 'pack', '--pack-destination', packed], { cwd: join(repository, 'packages', name) }),
    ),
  );
  for (const file of readdirSync(packed)) {
    const name = PUBLIC_PACKAGES.find(
      (candidate) => file.startsWith(`tokenwire-${candidate}-`) && /^\d/.test(file.slice(`tokenwire-${candidate}-`.length)),
    );
    if (name !== undefined) tarballs.set(name, join(packed, file));
  }
  expect([...tarballs.keys()].sort()).toEqual([...PUBLIC_PACKAGES].sort());

  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'tokenwire-packaging-scratch', private: true, type: 'module' }, null, 2),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.values()], { cwd: project, timeoutMs: 300_000 });
  for (const file of ['scenario.mjs', 'esm-consumer.mjs', 'cjs-consumer.cjs', 'types-consumer.mts', 'types-consumer.cts']) {
    copyFileSync(join(fixtures, file), join(project, file));
  }
  copyFileSync(join(fixtures, 'types-tsconfig.json'), join(project, 'tsconfig.json'));
}, 600_000);

afterAll(() => {
  if (scratch !== undefined && process.env['KEEP_PACKAGING_SCRATCH'] === undefined) rmSync(scratch, { recursive: true, force: true });
});

/** What every runtime's scenario must report (fixtures/scenario.mjs). */
function expectScenario(result: Record<string, unknown>): void {
  expect(result).toMatchObject({
    userSig: { identifier: 'alice', sdkAppId: 1400000001, wrongKey: 'UserSigError:signature_mismatch' },
    callbackSignature: { hex: true, wrongSign: 'CallbackSignatureError:signature_mismatch' },
    liveConfig: {
      tokenReadBack: true,
      accepted: true,
      event: { command: 'Live.CallbackAfterDestroyRoom', signed: true, owner: '144115216631667826' },
      apiError: 'true:70009',
    },
    aicc: { connected: '0', greeting: ['CONNECT/ROBOT', 'CHAT/ROBOT'], sent: '0', answer: 'CHAT/ROBOT' },
    http: { url: true, tokenReadBack: true },
  });
}

/** The last stdout line as JSON. */
function lastJsonLine(output: Run): Record<string, unknown> {
  const line = output.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`no JSON result:\n${output.stdout}\n${output.stderr}`);
  }
}

/** Each specifier must resolve inside the scratch project's node_modules, to the given dist file. */
function expectResolved(resolved: unknown, files: Record<string, string>): void {
  const entries = resolved as Record<string, string>;
  for (const specifier of SPECIFIERS) {
    const path = entries[specifier]?.replace(/^file:\/\//, '') ?? '';
    const packageName = specifier.split('/').slice(0, 2).join('/');
    expect(path, specifier).toBe(join(project, 'node_modules', packageName, 'dist', files[specifier]!));
  }
}

const ESM_FILES = {
  '@tokenwire/core': 'index.js',
  '@tokenwire/core/internal': 'internal.js',
  '@tokenwire/live-config': 'index.js',
  '@tokenwire/aicc-messaging': 'index.js',
  '@tokenwire/emulator': 'index.js',
  '@tokenwire/emulator/serve': 'serve.js',
};

describe('the packed tarballs', () => {
  it('hold the built entry points and sources, and no tests or test harness', async () => {
    for (const [name, tarball] of tarballs) {
      const { stdout } = await run('tar', ['-tzf', tarball]);
      const files = stdout.trim().split('\n');
      expect(files, name).toEqual(
        expect.arrayContaining([
          'package/package.json',
          'package/dist/index.js',
          'package/dist/index.cjs',
          'package/dist/index.d.ts',
          'package/dist/index.d.cts',
          'package/src/index.ts',
        ]),
      );
      expect(
        files.filter((file) => /\.test\.ts$|test-harness|\/test\//.test(file)),
        name,
      ).toEqual([]);
      if (name === 'core')
        expect(files).toEqual(
          expect.arrayContaining([
            'package/dist/internal.js',
            'package/dist/internal.cjs',
            'package/dist/internal.d.ts',
            'package/dist/internal.d.cts',
          ]),
        );
    }
  });

  it("core's two entries share one copy of every module, in ESM and in CommonJS: an engine error is the public class", async () => {
    const probe = `const core = LOAD('@tokenwire/core'); const internal = LOAD('@tokenwire/core/internal');
      const error = await internal.createRequestEngine({ fetch: async () => new Response('{}', { status: 418 }) })
        .send({ url: 'https://api.test/x', timeoutMs: 1000, retry: internal.NO_RETRY_POLICY, random: () => 0, where: 'x', context: () => ({}), secrets: () => [] })
        .catch((caught) => caught);
      console.log(JSON.stringify({ sameClass: error instanceof core.HttpStatusError, status: error.status }));`;
    const esm = await run(process.execPath, ['--input-type=module', '-e', probe.replaceAll('LOAD(', 'await import(')], { cwd: project });
    const cjs = await run(process.execPath, ['-e', `(async () => { ${probe.replaceAll('LOAD(', 'require(')} })()`], { cwd: project });
    for (const output of [esm, cjs]) expect(lastJsonLine(output)).toEqual({ sameClass: true, status: 418 });
  });

  it('depend on each other by version, not by workspace: ranges', () => {
    for (const name of PUBLIC_PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(project, 'node_modules', '@tokenwire', name, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {}))
        expect(range, `${name} → ${dependency}`).not.toMatch(/^workspace:/);
    }
  });
});

describe('importing the installed packages', () => {
  it('Node ESM (import) resolves the ESM builds and runs the scenario', async () => {
    const result = lastJsonLine(await run(process.execPath, ['esm-consumer.mjs'], { cwd: project }));
    expect(result).toMatchObject({ runtime: 'node', loader: 'esm' });
    expectResolved(result['resolved'], { ...ESM_FILES, '@tokenwire/emulator/serve': 'serve.node.js' });
    expectScenario(result);
  });

  it('Node CJS (require) resolves the CJS builds and runs the scenario', async () => {
    const result = lastJsonLine(await run(process.execPath, ['cjs-consumer.cjs'], { cwd: project }));
    expect(result).toMatchObject({ runtime: 'node', loader: 'cjs' });
    expectResolved(result['resolved'], {
      '@tokenwire/core': 'index.cjs',
      '@tokenwire/core/internal': 'internal.cjs',
      '@tokenwire/live-config': 'index.cjs',
      '@tokenwire/aicc-messaging': 'index.cjs',
      '@tokenwire/emulator': 'index.cjs',
      '@tokenwire/emulator/serve': 'serve.node.cjs',
    });
    expectScenario(result);
  });

  it('Deno resolves the ESM builds (deno condition for ./serve) and runs the scenario', async () => {
    const result = lastJsonLine(await run(runtimeBinary('deno'), ['run', '--allow-all', 'esm-consumer.mjs'], { cwd: project }));
    expect(result).toMatchObject({ runtime: 'deno', loader: 'esm' });
    expectResolved(result['resolved'], ESM_FILES);
    expectScenario(result);
  });

  it('Bun resolves the ESM builds (bun condition for ./serve) and runs the scenario', async () => {
    const result = lastJsonLine(await run(runtimeBinary('bun'), ['esm-consumer.mjs'], { cwd: project }));
    expect(result).toMatchObject({ runtime: 'bun', loader: 'esm' });
    expectResolved(result['resolved'], ESM_FILES);
    expectScenario(result);
  });

  it('Bun with require resolves the CJS builds and runs the scenario', async () => {
    const result = lastJsonLine(await run(runtimeBinary('bun'), ['cjs-consumer.cjs'], { cwd: project }));
    expect(result).toMatchObject({ runtime: 'bun', loader: 'cjs' });
    expectResolved(result['resolved'], {
      '@tokenwire/core': 'index.cjs',
      '@tokenwire/core/internal': 'internal.cjs',
      '@tokenwire/live-config': 'index.cjs',
      '@tokenwire/aicc-messaging': 'index.cjs',
      '@tokenwire/emulator': 'index.cjs',
      '@tokenwire/emulator/serve': 'serve.cjs',
    });
    expectScenario(result);
  });

  it('TypeScript (module node16) type-checks an ESM and a CJS consumer against the published declarations', {
    timeout: 300_000,
  }, async () => {
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, timeoutMs: 300_000 });
  });
});

describe('JSR (scripts/jsr.mjs)', () => {
  it('every jsr.json agrees with its package.json (name, version, license, npm: and jsr: imports)', async () => {
    const { stdout } = await run(process.execPath, [join(repository, 'scripts', 'jsr.mjs'), 'check']);
    expect(stdout).toContain('agree');
  });

  it('deno publish --dry-run passes for every package, slow-type check included', { timeout: 300_000 }, async () => {
    const { stdout } = await run(process.execPath, [join(repository, 'scripts', 'jsr.mjs'), 'publish', '--dry-run'], {
      timeoutMs: 300_000,
    });
    for (const name of PUBLIC_PACKAGES) expect(stdout).toContain(`Simulating publish of @tokenwire/${name}@`);
  });
});
