#!/usr/bin/env node
// `changeset status` that works in any full clone, including CI's fresh clone of main where main is the only
// branch (there, the default base — the merge-base with `main` — is HEAD itself, so the check could never fail).
//
// The base is the last release: the newest commit that touched a public package's CHANGELOG.md (`changeset
// version` writes them all, since the packages are one `fixed` group, and deletes the changesets it used). Before
// the first release it is the repository's first commit. Changesets added since the base must cover the packages
// changed since the base: changesets fails when packages changed and no changeset was added, and this script also
// fails when a changed public package is missing from the release plan. Extra arguments go to `changeset status`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function git(...args) {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
    process.exit(2);
  }
  return result.stdout.trim();
}

if (git('rev-parse', '--is-shallow-repository') === 'true') {
  console.error('changeset:status needs the whole history: this clone is shallow (git fetch --unshallow).');
  process.exit(2);
}

const lastRelease = git('log', '-1', '--format=%H', '--', 'packages/*/CHANGELOG.md', 'apps/*/CHANGELOG.md');
const base = lastRelease || git('rev-list', '--max-parents=0', 'HEAD').split('\n').at(-1);
console.log(`changeset status since ${base.slice(0, 12)} (${lastRelease ? 'the last release' : 'the first commit: nothing released yet'})`);

const changeset = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
const run = (args) => spawnSync(process.execPath, [changeset, 'status', `--since=${base}`, ...args], { cwd: root, encoding: 'utf8' });

// The release plan as JSON, to compare with the changed packages.
const scratch = mkdtempSync(join(tmpdir(), 'changeset-status-'));
const output = join(scratch, 'plan.json');
const planning = run([`--output=${output}`]);
const plan = planning.status === 0 ? JSON.parse(readFileSync(output, 'utf8')) : undefined;
rmSync(scratch, { recursive: true, force: true });
if (plan === undefined) {
  process.stdout.write(planning.stdout);
  process.stderr.write(planning.stderr);
  process.exit(planning.status ?? 1);
}

// Public packages (the libraries under packages/, the CLI under apps/) changed since the base, counted as changesets
// counts them (tracked files, working tree against the base), changelogs aside.
const changedFiles = git('diff', '--name-only', '--no-relative', base, '--', 'packages', 'apps').split('\n').filter(Boolean);
const changedDirectories = new Set(
  changedFiles.filter((file) => !file.endsWith('/CHANGELOG.md')).map((file) => file.split('/').slice(0, 2).join('/')),
);
const publicChanged = [];
for (const directory of changedDirectories) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8'));
  } catch {
    continue; // removed, or not a package
  }
  if (manifest.private !== true) publicChanged.push(manifest.name);
}
const planned = new Set(plan.releases.filter((release) => release.type !== 'none').map((release) => release.name));
const missing = publicChanged.filter((name) => !planned.has(name)).sort();

const shown = run(process.argv.slice(2));
process.stdout.write(shown.stdout);
process.stderr.write(shown.stderr);
if (shown.status !== 0) process.exit(shown.status ?? 1);
if (missing.length > 0) {
  console.error(`Changed since ${base.slice(0, 12)} but not in any changeset: ${missing.join(', ')}. Run \`npx -y pnpm@10 changeset\`.`);
  process.exit(1);
}
console.log(`changeset status: ${plan.changesets.length} changeset(s) cover the ${publicChanged.length} changed public package(s).`);
