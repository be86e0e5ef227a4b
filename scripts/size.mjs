#!/usr/bin/env node
// Size budgets: bundles what a browser user would import from the built packages, minified, and prints the
// min+gzip size of each against its budget. Exits 1 when a budget is exceeded.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const dist = (name) => `${root}packages/${name}/dist/index.js`;

for (const name of ['core', 'live-config']) {
  if (!existsSync(dist(name))) {
    console.error(`packages/${name}/dist/index.js is missing: build first (npx -y pnpm@10 size builds, then measures).`);
    process.exit(1);
  }
}

/** Each entry: what a user writes, and the budget for it in bytes (min+gzip). */
const entries = [
  { name: 'createTencentClient', source: `export { createTencentClient } from '@tokenwire/core';`, budget: 10 * 1024 },
  {
    name: 'createTencentClient + setCallbackToken',
    source: `export { createTencentClient } from '@tokenwire/core'; export { setCallbackToken } from '@tokenwire/live-config';`,
    budget: 10 * 1024,
  },
  { name: 'verifyCallback', source: `export { verifyCallback } from '@tokenwire/core';`, budget: 3 * 1024 },
];

/** Both packages from their built ESM (what a bundler picks); live-config's own `@tokenwire/core` import too. */
const alias = { '@tokenwire/core': dist('core'), '@tokenwire/live-config': dist('live-config') };

const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
let failed = false;
const rows = [];
for (const entry of entries) {
  const result = await build({
    stdin: { contents: entry.source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    alias,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = gzip <= entry.budget;
  failed ||= !ok;
  rows.push({ bundle: entry.name, min: kib(code.length), 'min+gzip': kib(gzip), budget: kib(entry.budget), status: ok ? 'ok' : 'OVER' });
}
console.table(rows);
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
