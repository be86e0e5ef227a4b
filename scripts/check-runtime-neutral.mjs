#!/usr/bin/env node
// House rule: everything under packages/ runs in browsers and edge workers, so it may only use web-standard APIs.
// This check fails when shipped package source (not tests or benchmarks) reaches for Node built-ins.
// One exception: a runtime adapter named `*.node.ts` may use Node APIs. It is reachable only through a `node`
// export condition, and this check fails when any neutral file imports it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');

/** Patterns that betray a Node-only API, with the reason shown to the developer. */
const forbidden = [
  [/\bfrom\s+['"]node:/, 'imports a node:* module'],
  [/\brequire\(\s*['"]node:/, 'requires a node:* module'],
  [/\bimport\(\s*['"]node:/, 'dynamically imports a node:* module'],
  [/\bfrom\s+['"](fs|path|crypto|zlib|http|https|net|os|stream|buffer|child_process|util|url|events|tls|dns)(\/[^'"]*)?['"]/, 'imports a Node built-in module'],
  [/\bBuffer\b/, 'uses Buffer (use Uint8Array)'],
  [/\bprocess\s*[.[]/, 'uses process (inject configuration instead)'],
  [/\b__dirname\b|\b__filename\b/, 'uses __dirname/__filename'],
  [/\bsetImmediate\s*\(/, 'uses setImmediate (use setTimeout or queueMicrotask)'],
  [/\bglobal\s*\./, 'uses the Node `global` object (use globalThis)'],
];

const skipped = (path) =>
  /(^|\/)(node_modules|dist|test|tests|bench|coverage)(\/|$)/.test(path) || /\.(test|bench|spec)\.ts$/.test(path);

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path);
    if (skipped(rel)) continue;
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|cts|js|mjs)$/.test(name) && rel.includes('/src/')) yield path;
  }
}

const stripComments = (line) => line.replace(/\/\/.*$/, '');
const problems = [];
for (const file of sourceFiles(packagesDir)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (/\.node\.ts$/.test(file)) continue;
  lines.forEach((raw, index) => {
    if (/from\s+['"][^'"]*\.node(\.js)?['"]|import\(\s*['"][^'"]*\.node(\.js)?['"]/.test(raw)) {
      problems.push(`${relative(root, file)}:${index + 1}: neutral code imports a Node-only adapter\n    ${raw.trim()}`);
    }
  });
  let inBlockComment = false;
  lines.forEach((raw, index) => {
    let line = raw;
    if (inBlockComment) {
      if (!line.includes('*/')) return;
      line = line.slice(line.indexOf('*/') + 2);
      inBlockComment = false;
    }
    if (/^\s*\/?\*/.test(line)) {
      if (line.includes('/*') && !line.includes('*/')) inBlockComment = true;
      return;
    }
    line = stripComments(line);
    for (const [pattern, reason] of forbidden) {
      if (pattern.test(line)) problems.push(`${relative(root, file)}:${index + 1}: ${reason}\n    ${raw.trim()}`);
    }
  });
}

if (problems.length > 0) {
  console.error(`Runtime-neutrality check failed: packages/ must use web-standard APIs only.\n\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('Runtime-neutrality check passed: packages/ use web-standard APIs only.');
