#!/usr/bin/env node
// Size budgets, where the code runs (DESIGN.md "Budgets"): the browser runs the AICC chat client through the gateway,
// so its bundle is what a browser user would import from the built packages, bundled and minified here; the edge
// worker is measured as built (apps/edge-worker/dist/worker.js, tsup: one minified ESM bundle, every dependency
// inlined). The Tencent client and callback verification run on servers and edge workers, never in a browser: they
// are inside the worker bundle. Prints min+gzip against each budget and exits 1 when a bundle exceeds what it is
// gated at: its budget, or — for a budget that is missed and waiting for a decision — a ceiling at the size
// measured, so that it cannot grow unnoticed meanwhile (printed OVER, with the reason).
//
// `--why=<name part>` prints what each module costs in the bundles whose name contains it (esbuild's metafile:
// minified bytes per input file, largest first).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { assertBuilt } from './assert-built.mjs';

const root = new URL('..', import.meta.url).pathname;
const packageDir = (name) => `${root}packages/${name}`;
const dist = (name) => `${packageDir(name)}/dist/index.js`;
const worker = `${root}apps/edge-worker`;

try {
  for (const name of ['core', 'aicc-messaging']) {
    assertBuilt({
      name: `@tokenwire/${name}`,
      outputs: [dist(name)],
      inputs: [`${packageDir(name)}/src`, `${packageDir(name)}/tsup.config.ts`],
    });
  }
  assertBuilt({
    name: '@tokenwire/edge-worker',
    outputs: [`${worker}/dist/worker.js`],
    inputs: [`${worker}/src`, `${worker}/tsup.config.ts`, ...['core', 'live-config', 'aicc-messaging'].map(dist)],
  });
} catch (error) {
  console.error(`${error.message}\n(npx -y pnpm@10 size builds the packages; the worker is built by its own build or test task.)`);
  process.exit(1);
}

const KB = 1024;

const why = process.argv.find((argument) => argument.startsWith('--why='))?.slice('--why='.length);

/** Bundles `source` for a browser from the built packages' ESM (what a bundler picks) and minifies it. */
async function browserBundle(source) {
  const result = await build({
    metafile: true,
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // aicc-messaging's own `@tokenwire/core` and `@tokenwire/core/internal` imports resolve to core's built ESM too.
    alias: {
      '@tokenwire/core/internal': `${packageDir('core')}/dist/internal.js`,
      '@tokenwire/core': dist('core'),
      '@tokenwire/aicc-messaging': dist('aicc-messaging'),
    },
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs).map(([file, { bytesInOutput }]) => ({
    file: file.replace(/^(\.\.\/)+/, '/').replace(root, ''),
    bytes: bytesInOutput,
  }));
  return { code: result.outputFiles[0].contents, modules };
}

const chat = await browserBundle(`export { createAiccGatewayClient, createAiccSession } from '@tokenwire/aicc-messaging';`);

/**
 * Each entry: what is measured, its code (minified) and modules, the budget and aim in bytes (min+gzip), and — for a
 * missed budget — the ceiling it is gated at meanwhile and why.
 */
const entries = [
  {
    name: 'browser: createAiccGatewayClient + createAiccSession (@tokenwire/aicc-messaging)',
    ...chat,
    budget: 20 * KB,
    aim: 16 * KB,
    ceiling: 22 * KB,
    missed:
      'ky alone is 4.3 KB of it and valibot 2.2 KB; the rest is the chat client itself (the Tencent client, UserSig, ' +
      'fflate, noble and the AccessToken machinery are not in it: --why=browser lists every module). Meeting 20 KB ' +
      'takes dropping features or a lighter engine than ky; until that is decided the bundle is gated at the ceiling',
  },
  {
    name: 'edge worker bundle (apps/edge-worker/dist/worker.js)',
    code: readFileSync(`${worker}/dist/worker.js`),
    budget: 45 * KB,
    aim: 30 * KB,
  },
];

const kib = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
let failed = false;
const rows = [];
const notes = [];
for (const entry of entries) {
  const gzip = gzipSync(entry.code, { level: 9 }).length;
  const ok = gzip <= entry.budget;
  const gate = ok ? entry.budget : (entry.ceiling ?? entry.budget);
  if (gzip > gate) failed = true;
  if (!ok && entry.missed !== undefined)
    notes.push(`${entry.name}: budget missed by ${kib(gzip - entry.budget)}: ${entry.missed} (${kib(gate)}).`);
  rows.push({
    bundle: entry.name,
    min: kib(entry.code.length),
    'min+gzip': kib(gzip),
    budget: kib(entry.budget),
    aim: kib(entry.aim),
    status: ok ? (gzip <= entry.aim ? 'ok (aim met)' : 'ok') : gzip <= gate ? `OVER (gated at ${kib(gate)})` : 'OVER',
  });
  if (why !== undefined && entry.modules !== undefined && entry.name.includes(why)) {
    console.log(`${entry.name}: minified bytes per module`);
    for (const { file, bytes } of entry.modules.sort((a, b) => b.bytes - a.bytes))
      if (bytes > 0) console.log(`${String(bytes).padStart(7)}  ${file}`);
  }
}
console.table(rows);
for (const note of notes) console.log(note);
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
