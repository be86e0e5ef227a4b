#!/usr/bin/env node
// Size budgets, where the code runs (DESIGN.md "Budgets"): the browser runs the AICC chat client through the gateway,
// so its bundle is what a browser user would import from the built packages, bundled and minified here; the edge
// worker is measured as built (apps/edge-worker/dist/worker.js, tsup: one minified ESM bundle, every dependency
// inlined). The Tencent client and callback verification run on servers and edge workers, never in a browser: they
// are inside the worker bundle. Prints min+gzip against each budget and exits 1 when a bundle exceeds it.
//
// It also checks that the packages' built code (every entry of core, live-config and aicc-messaging) can be
// tree-shaken: each entry's `dist`, imported for its side effects only (every module-level statement kept unless a
// bundler may drop it), must leave nothing of its own behind once minified. esbuild and webpack do not carry
// valibot's `@__NO_SIDE_EFFECTS__` across modules (evanw/esbuild#4369), so a module-level schema stays in every
// bundle unless it is written as
// `/* @__PURE__ */ (() => …)()` (CONTRIBUTING.md, "Module-level values").
//
// `--why=<name part>` prints what each module costs in the bundles whose name contains it (esbuild's metafile:
// minified bytes per input file, largest first).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { assertBuilt } from './assert-built.mjs';

const root = new URL('..', import.meta.url).pathname;
const packageDir = (name) => `${root}packages/${name}`;
const dist = (name) => `${packageDir(name)}/dist/index.js`;
const worker = `${root}apps/edge-worker`;

try {
  for (const name of ['core', 'live-config', 'aicc-messaging']) {
    assertBuilt({
      name: `@tokenwire/${name}`,
      outputs: [dist(name)],
      inputs: [`${packageDir(name)}/src`, `${packageDir(name)}/tsup.config.ts`, `${root}tsup.shared.ts`],
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

/** The built ESM of each public entry (what a bundler picks), by import specifier. */
const BUILT_ENTRIES = {
  '@tokenwire/core': dist('core'),
  '@tokenwire/core/internal': `${packageDir('core')}/dist/internal.js`,
  '@tokenwire/live-config': dist('live-config'),
  '@tokenwire/live-config/node': `${packageDir('live-config')}/dist/node.js`,
  '@tokenwire/live-config/hono': `${packageDir('live-config')}/dist/hono.js`,
  '@tokenwire/aicc-messaging': dist('aicc-messaging'),
  '@tokenwire/aicc-messaging/gateway': `${packageDir('aicc-messaging')}/dist/gateway.js`,
};

/** Bundles `source` (JavaScript) for a browser, minified, with a metafile. */
function bundleForBrowser(source, options) {
  return build({
    metafile: true,
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    ...options,
  });
}

/** Bundles `source` for a browser from the built packages' ESM (what a bundler picks) and minifies it. */
async function browserBundle(source) {
  // The packages' own `@tokenwire/*` imports resolve to the built ESM too.
  const result = await bundleForBrowser(source, { alias: BUILT_ENTRIES });
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs).map(([file, { bytesInOutput }]) => ({
    file: file.replace(/^(\.\.\/)+/, '/').replace(root, ''),
    bytes: bytesInOutput,
  }));
  return { code: result.outputFiles[0].contents, modules };
}

/** The built entries whose every module-level statement must be droppable. */
const TREE_SHAKEN = Object.keys(BUILT_ENTRIES);

/**
 * Bundles `import '<entry>'` with the package's own built files treated as having side effects (so that the bundler
 * keeps exactly what it cannot prove droppable, statement by statement) and minifies; returns the package's own
 * modules that left code behind. Dependencies (valibot, ky, …) are bundled as published and not counted.
 */
async function leftoverWhenUnused(entry) {
  const result = await bundleForBrowser(`import '${entry}';`, {
    plugins: [
      {
        name: 'package-code-has-side-effects',
        setup(bundler) {
          bundler.onResolve({ filter: /^@tokenwire\// }, ({ path }) => ({ path: BUILT_ENTRIES[path], sideEffects: true }));
          bundler.onResolve({ filter: /^\./ }, ({ path, importer, resolveDir }) =>
            importer.startsWith(`${root}packages/`) ? { path: resolve(resolveDir, path), sideEffects: true } : undefined,
          );
        },
      },
    ],
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output.inputs)
    .filter(([file, { bytesInOutput }]) => bytesInOutput > 0 && file.includes('packages/'))
    .map(([file, { bytesInOutput }]) => ({ file: file.replace(/^(\.\.\/)+/, '/').replace(root, ''), bytes: bytesInOutput }));
}

const chat = await browserBundle(`export { createAiccGatewayClient, createAiccSession } from '@tokenwire/aicc-messaging';`);

/** Each entry: what is measured, its code (minified) and modules, and the budget and aim in bytes (min+gzip). */
const entries = [
  {
    name: 'browser: createAiccGatewayClient + createAiccSession (@tokenwire/aicc-messaging)',
    ...chat,
    budget: 20 * KB,
    aim: 16 * KB,
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
for (const entry of entries) {
  const gzip = gzipSync(entry.code, { level: 9 }).length;
  const ok = gzip <= entry.budget;
  if (!ok) failed = true;
  rows.push({
    bundle: entry.name,
    min: kib(entry.code.length),
    'min+gzip': kib(gzip),
    budget: kib(entry.budget),
    aim: kib(entry.aim),
    status: ok ? (gzip <= entry.aim ? 'ok (aim met)' : 'ok') : 'OVER',
  });
  if (why !== undefined && entry.modules !== undefined && entry.name.includes(why)) {
    console.log(`${entry.name}: minified bytes per module`);
    for (const { file, bytes } of entry.modules.sort((a, b) => b.bytes - a.bytes))
      if (bytes > 0) console.log(`${String(bytes).padStart(7)}  ${file}`);
  }
}
console.table(rows);

const leftovers = [];
for (const entry of TREE_SHAKEN) {
  const left = await leftoverWhenUnused(entry);
  const ok = left.length === 0;
  if (!ok) failed = true;
  leftovers.push({
    entry,
    'own code left when nothing is imported': ok ? 'none (ok)' : `${left.reduce((sum, m) => sum + m.bytes, 0)} B (FAILS)`,
  });
  for (const { file, bytes } of left) console.log(`  ${entry}: ${bytes} B of module-level code from ${file} cannot be dropped`);
}
console.table(leftovers);
if (failed) {
  console.error('Size budget exceeded, or a package left code a bundler cannot drop.');
  process.exit(1);
}
