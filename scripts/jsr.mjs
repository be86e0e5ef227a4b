#!/usr/bin/env node
// JSR (jsr.io) for Deno users: each public package has a jsr.json that publishes its TypeScript sources.
//
//   node scripts/jsr.mjs check              jsr.json agrees with package.json (name, version, license, imports)
//   node scripts/jsr.mjs sync               rewrites version and imports of every jsr.json from package.json
//                                           (after `changeset version`)
//   node scripts/jsr.mjs publish --dry-run  check, then `deno publish --dry-run` for each package
//   node scripts/jsr.mjs publish            check, then `deno publish` of all packages (needs a JSR login/token)
//
// `deno publish` runs in a scratch Deno workspace holding copies of the packages (no package.json, no
// node_modules): there `jsr:@tokenwire/*` imports resolve to the sibling packages, as they will on JSR, before
// any of them is published, and the npm dependencies come from the npm registry through their `npm:` imports.
// The sources import `./file.js` for `./file.ts` (TypeScript's convention for the npm build); `--sloppy-imports`
// lets Deno resolve them, and `deno publish` rewrites them to `.ts` in what it uploads.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeBinary } from './runtime-binary.mjs';
import { retryOnNetworkFailure, runtimeEnvironment } from './runtime-env.mjs';

const root = new URL('..', import.meta.url).pathname;

/** The public packages in publishing order (dependencies first). */
const PACKAGES = ['core', 'live-config', 'aicc-messaging', 'emulator'];

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const manifestOf = (name) => readJson(join(root, 'packages', name, 'package.json'));
const jsrPath = (name) => join(root, 'packages', name, 'jsr.json');

/** What jsr.json's `imports` must be: npm dependencies as `npm:`, sibling packages (dependencies or peers) as `jsr:` at the same version. */
function expectedImports(manifest) {
  const imports = {};
  // tokenwire's own peers count too (the emulator's type-only peer on live-config); framework peers (express, hono)
  // belong to npm-only entries and stay out.
  const ownPeers = Object.entries(manifest.peerDependencies ?? {}).filter(([dependency]) => dependency.startsWith('@tokenwire/'));
  const dependencies = [...Object.entries(manifest.dependencies ?? {}), ...ownPeers].sort(([a], [b]) => a.localeCompare(b));
  for (const [dependency, range] of dependencies) {
    if (dependency.startsWith('@tokenwire/'))
      imports[dependency] = `jsr:${dependency}@${manifestOf(dependency.slice('@tokenwire/'.length)).version}`;
    else imports[dependency] = `npm:${dependency}@${range}`;
  }
  return imports;
}

function check() {
  const problems = [];
  for (const name of PACKAGES) {
    const manifest = manifestOf(name);
    let jsr;
    try {
      jsr = readJson(jsrPath(name));
    } catch (error) {
      problems.push(`packages/${name}/jsr.json: ${error.message}`);
      continue;
    }
    for (const field of ['name', 'version', 'license']) {
      if (jsr[field] !== manifest[field])
        problems.push(
          `packages/${name}/jsr.json: ${field} is ${JSON.stringify(jsr[field])}, package.json says ${JSON.stringify(manifest[field])}`,
        );
    }
    const expected = expectedImports(manifest);
    if (JSON.stringify(jsr.imports ?? {}) !== JSON.stringify(expected)) {
      problems.push(`packages/${name}/jsr.json: imports ${JSON.stringify(jsr.imports ?? {})} should be ${JSON.stringify(expected)}`);
    }
    if (!(jsr.publish?.exclude ?? []).includes('src/**/*.test.ts'))
      problems.push(`packages/${name}/jsr.json: publish.exclude must leave out src/**/*.test.ts`);
  }
  if (problems.length > 0) {
    console.error(`jsr.json out of step with package.json (fix with \`node scripts/jsr.mjs sync\`):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`jsr.json of ${PACKAGES.length} packages agree with their package.json.`);
}

function sync() {
  for (const name of PACKAGES) {
    const manifest = manifestOf(name);
    const jsr = readJson(jsrPath(name));
    const updated = {
      ...jsr,
      name: manifest.name,
      version: manifest.version,
      license: manifest.license,
      imports: expectedImports(manifest),
    };
    writeFileSync(jsrPath(name), `${JSON.stringify(updated, null, 2)}\n`);
    console.log(`packages/${name}/jsr.json: ${updated.name}@${updated.version}`);
  }
}

async function publish(dryRun) {
  check();
  const deno = runtimeBinary('deno');
  const scratch = mkdtempSync(join(tmpdir(), 'tokenwire-jsr-'));
  try {
    for (const name of PACKAGES) {
      cpSync(join(root, 'packages', name), join(scratch, 'packages', name), {
        recursive: true,
        filter: (source) => {
          const base = source.slice(join(root, 'packages', name).length + 1).split('/')[0];
          return (
            !['node_modules', 'dist', 'package.json', 'typedoc.json'].includes(base) &&
            !base.startsWith('tsconfig') &&
            !base.startsWith('.')
          );
        },
      });
    }
    writeFileSync(join(scratch, 'deno.json'), `${JSON.stringify({ workspace: PACKAGES.map((name) => `./packages/${name}`) }, null, 2)}\n`);
    const env = runtimeEnvironment();
    const runs = dryRun
      ? PACKAGES.map((name) => ({ label: `@tokenwire/${name}`, cwd: join(scratch, 'packages', name) }))
      : [{ label: 'the workspace', cwd: scratch }];
    let failed = false;
    for (const run of runs) {
      const args = ['publish', '--allow-dirty', '--sloppy-imports', ...(dryRun ? ['--dry-run'] : [])];
      console.log(`\n$ deno ${args.join(' ')}   # ${run.label}`);
      // A registry fetch that fails on the network is tried once more, then reported as a network failure.
      const result = await retryOnNetworkFailure(
        () => {
          const child = spawnSync(deno, args, { cwd: run.cwd, env, encoding: 'utf8' });
          return { ok: child.status === 0, output: `${child.stdout}${child.stderr}` };
        },
        `deno ${args.join(' ')} (${run.label})`,
      );
      // The file list is long; keep everything else.
      console.log(
        result.output
          .split('\n')
          .filter((line) => !/^\s+file:\/\//.test(line))
          .join('\n')
          .trim(),
      );
      if (result.explanation !== undefined) console.error(`\n${result.explanation}`);
      if (!result.ok) failed = true;
    }
    if (failed) {
      console.error('\ndeno publish failed.');
      process.exitCode = 1;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [command, ...options] = process.argv.slice(2);
if (command === 'check') check();
else if (command === 'sync') sync();
else if (command === 'publish') await publish(options.includes('--dry-run'));
else {
  console.error('usage: node scripts/jsr.mjs check | sync | publish [--dry-run]');
  process.exit(2);
}
