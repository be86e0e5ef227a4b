import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findRuntimeViolations,
  formatViolation,
  isExempt,
  isNodeBuiltin,
  type RuntimeViolation,
} from '../../../scripts/check-runtime-neutral.mjs';

const script = fileURLToPath(new URL('../../../scripts/check-runtime-neutral.mjs', import.meta.url));

/** Writes `files` (paths relative to root) into a fresh temporary directory. */
function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tokenwire-neutral-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/**
 * Each case is one file under packages/demo/src/bad with the hits it must produce: [line, reason pattern].
 * A case that is missed, or that reports anything else, fails.
 */
const forbidden: Record<string, { text: string; hits: Array<[number, RegExp]> }> = {
  'require-fs.ts': { text: "const fs = require('fs');\n", hits: [[1, /requires the Node built-in module 'fs'/]] },
  'require-node-prefix.js': { text: "const { join } = require('node:path');\n", hits: [[1, /requires a node:\* module \('node:path'\)/]] },
  'require-resolve.ts': { text: "export const where = require.resolve('ky');\n", hits: [[1, /uses require/]] },
  'dynamic-import-zlib.ts': {
    text: "export async function inflate() {\n  const zlib = await import('zlib');\n  return zlib;\n}\n",
    hits: [[2, /dynamically imports the Node built-in module 'zlib'/]],
  },
  'dynamic-import-template.ts': {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text holding a template literal
    text: 'export const load = (name: string) => import(`node:${name}`);\n',
    hits: [[1, /dynamically imports a node:\* module/]],
  },
  'side-effect-crypto.ts': { text: "import 'crypto';\n", hits: [[1, /imports the Node built-in module 'crypto'/]] },
  'from-fs.ts': {
    text: "// reads a file\nimport { readFileSync } from 'fs';\nexport const read = readFileSync;\n",
    hits: [[2, /imports the Node built-in module 'fs'/]],
  },
  'from-fs-promises.ts': { text: "import { readFile } from 'fs/promises';\nexport { readFile };\n", hits: [[1, /'fs\/promises'/]] },
  'from-node-prefix.ts': {
    text: "import { createHash } from 'node:crypto';\nexport { createHash };\n",
    hits: [[1, /imports a node:\* module/]],
  },
  'type-only-node.ts': { text: "import type { Stats } from 'node:fs';\nexport type S = Stats;\n", hits: [[1, /imports a node:\* module/]] },
  'import-type-node.ts': { text: "export type S = import('node:fs').Stats;\n", hits: [[1, /imports types from a node:\* module/]] },
  're-export-node.ts': { text: "export { join } from 'node:path';\n", hits: [[1, /re-exports a node:\* module/]] },
  'import-equals.ts': { text: "import fs = require('fs');\nexport const f = fs;\n", hits: [[1, /imports the Node built-in module 'fs'/]] },
  'global-this-element.ts': {
    text: "export const env = globalThis['process'];\n",
    hits: [[1, /uses process \(inject configuration instead\) \(through the global object\)/]],
  },
  'global-this-property.ts': {
    text: 'export const env = globalThis.process.env;\n',
    hits: [[1, /uses process .*through the global object/]],
  },
  'global-this-cast.ts': { text: 'export const B = (globalThis as any).Buffer;\n', hits: [[1, /uses Buffer .*through the global object/]] },
  'global-this-optional.ts': { text: 'export const B = globalThis?.Buffer;\n', hits: [[1, /uses Buffer/]] },
  'global-this-destructure.ts': {
    text: 'const { process: nodeProcess, fetch } = globalThis as any;\nexport { nodeProcess, fetch };\n',
    hits: [[1, /uses process .*through the global object/]],
  },
  'global-this-in.ts': { text: "export const isNode = 'process' in globalThis;\n", hits: [[1, /uses process .*probes the global object/]] },
  'reflect-get.ts': {
    text: "export const B = Reflect.get(globalThis, 'Buffer');\n",
    hits: [[1, /uses Buffer .*through the global object/]],
  },
  'destructure-process.ts': { text: 'const { argv } = process;\nexport { argv };\n', hits: [[1, /uses process/]] },
  'optional-process.ts': { text: 'export const versions = process?.versions;\n', hits: [[1, /uses process/]] },
  'typeof-process.ts': { text: "export const isNode = typeof process !== 'undefined';\n", hits: [[1, /uses process/]] },
  'shorthand-process.ts': { text: 'export const context = { process };\n', hits: [[1, /uses process/]] },
  'ambient-process.ts': {
    text: 'declare const process: { env: Record<string, string> };\nexport const env = process.env;\n',
    hits: [[2, /uses process/]],
  },
  'set-immediate.ts': {
    text: 'export function later(run: () => void) {\n  const handle = setImmediate(run);\n  return () => clearImmediate(handle);\n}\n',
    hits: [
      [2, /uses setImmediate/],
      [3, /uses clearImmediate/],
    ],
  },
  'dirname.ts': {
    text: "export const here = __dirname;\nexport const file = __filename + '.map';\n",
    hits: [
      [1, /uses __dirname/],
      [2, /uses __filename/],
    ],
  },
  'import-meta-dirname.ts': { text: 'export const here = import.meta.dirname;\n', hits: [[1, /import\.meta\.dirname/]] },
  'node-global.ts': { text: 'global.fetch = fetch;\n', hits: [[1, /uses the Node `global` object/]] },
  'nodejs-namespace.ts': { text: 'export let timer: NodeJS.Timeout | undefined;\n', hits: [[1, /NodeJS type namespace/]] },
  'buffer-type.ts': { text: 'export function size(data: Buffer): number {\n  return data.length;\n}\n', hits: [[1, /uses Buffer/]] },
  'buffer.tsx': { text: "export const View = () => <pre>{Buffer.from('x').toString()}</pre>;\n", hits: [[1, /uses Buffer/]] },
  'buffer.mts': { text: "export const bytes = Buffer.from('x');\n", hits: [[1, /uses Buffer/]] },
  'buffer.cts': { text: 'export const bytes = Buffer.alloc(4);\n', hits: [[1, /uses Buffer/]] },
  'process.mjs': { text: 'export const home = process.env.HOME;\n', hits: [[1, /uses process/]] },
  'commonjs.cjs': {
    text: 'module.exports = { a: 1 };\nexports.b = 2;\n',
    hits: [
      [1, /CommonJS `module`/],
      [2, /CommonJS `exports`/],
    ],
  },
  'node-types-reference.ts': { text: '/// <reference types="node" />\nexport const x = 1;\n', hits: [[1, /references Node types/]] },
  'imports-node-adapter.ts': { text: "export { serve } from '../serve.node.js';\n", hits: [[1, /Node-only adapter/]] },
  'imports-test-harness.ts': {
    text: "import { harness } from '../aicc/test-harness.js';\nexport { harness };\n",
    hits: [[1, /test-only file/]],
  },
  'imports-test-dir.ts': { text: "export * from '../../test/fixtures.js';\n", hits: [[1, /test-only file/]] },
};

/** Files that must pass: the names appear only as properties, strings, comments, locals, or in exempt files. */
const allowed: Record<string, string> = {
  'packages/demo/src/good/properties.ts': [
    'interface Job { process(): void; Buffer: Uint8Array; require: boolean; global: string }',
    'export class Worker { process() {} Buffer = new Uint8Array(); static global = 1 }',
    'export function run(job: Job, obj: { process: number; module: string }) {',
    '  job.process();',
    '  const settings = { process: 1, Buffer: 2, global: 3, __dirname: 4, setImmediate: 5, exports: 6 };',
    '  const { process: step, Buffer: buffer } = settings;',
    "  return [obj.process, obj?.module, obj['process' as 'module'], step, buffer, job.Buffer, job.global];",
    '}',
    '',
  ].join('\n'),
  'packages/demo/src/good/strings-and-comments.ts': [
    '// process.env.HOME and Buffer.from() are Node; require("fs") too.',
    '/* global.setImmediate(__dirname) */',
    '/**',
    ' * Never `process.env`; see import("node:fs").',
    ' * @example Buffer.from(x)',
    ' */',
    'export const message = \'process.env is not read; Buffer is not used; require("fs")\';',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text holding a template literal
    'export const template = `from "node:fs" and ${message} process.argv`;',
    "export const names = ['process', 'Buffer', 'global', '__dirname', 'setImmediate'];",
    "export const shaped = { 'process': 1, [`Buffer`]: 2 };",
    '',
  ].join('\n'),
  'packages/demo/src/good/locals.ts': [
    "import { process as run } from './pipeline.js';",
    "import type { Buffer as Bytes } from './bytes.js';",
    'export function handle(Buffer: Uint8Array, require: (name: string) => unknown) {',
    '  const process = (value: Uint8Array) => value.length;',
    "  return [process(Buffer), require('x'), run];",
    '}',
    'export function scoped() {',
    '  let global = 0;',
    '  global += 1;',
    '  return global;',
    '}',
    'export type Holder = { data: Bytes };',
    'export class Module { exports = 1 }',
    'export function make<NodeJS>(value: NodeJS): NodeJS { return value; }',
    'label: for (;;) { break label; }',
    '',
  ].join('\n'),
  'packages/demo/src/good/pipeline.ts': 'export const process = (value: string) => value;\n',
  'packages/demo/src/good/bytes.ts': 'export type Buffer = Uint8Array;\n',
  'packages/demo/src/good/web.ts': [
    "import ky from 'ky';",
    "import { sha256 } from '@noble/hashes/sha2.js';",
    "import { hex } from './crypto/hex.js';",
    "import './events/listeners.js';",
    "export * from './util.js';",
    "export const lazy = () => import('valibot');",
    'export const base = import.meta.url;',
    'export const random = globalThis.crypto.getRandomValues(new Uint8Array(4));',
    "export const timer = globalThis['setTimeout'];",
    'export const later = (run: () => void) => queueMicrotask(run);',
    'export const handle: ReturnType<typeof setTimeout> | undefined = undefined;',
    'export { ky, sha256, hex };',
    '',
  ].join('\n'),
  'packages/demo/src/good/view.tsx': [
    'export const View = ({ job }: { job: { process: string } }) => (',
    '  <div process="fast" data-buffer={job.process}>',
    '    process and Buffer in text',
    '  </div>',
    ');',
    '',
  ].join('\n'),
  // Exempt: the Node adapter and tests.
  'packages/demo/src/serve.node.ts': [
    '/// <reference types="node" />',
    "import { createServer } from 'node:http';",
    'export const serve = () => createServer((request, response) => response.end(Buffer.from(process.version)));',
    '',
  ].join('\n'),
  'packages/demo/src/good/web.test.ts':
    "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync(__filename, 'utf8') + process.pid;\n",
  'packages/demo/src/good/web.spec.ts': "import 'fs';\nexport const b = Buffer.alloc(1);\n",
  'packages/demo/src/good/view.test.tsx': 'export const b = Buffer.alloc(1);\n',
  'packages/demo/src/aicc/test-harness.ts': "import { tmpdir } from 'node:os';\nexport const harness = () => tmpdir() + process.pid;\n",
  'packages/demo/src/test/helpers.ts': "import { join } from 'path';\nexport const here = join(__dirname, 'x');\n",
  'packages/demo/src/__tests__/helpers.ts': 'export const env = process.env;\n',
  // Outside packages/*/src: not shipped package source.
  'packages/demo/test/fixtures.ts': "import { readFileSync } from 'node:fs';\nexport const fixtures = readFileSync;\n",
  'packages/demo/tsup.config.ts': 'export default { env: process.env.NODE_ENV };\n',
  'apps/cli/src/cli.ts': "import { argv } from 'node:process';\nexport const args = argv;\n",
  'packages/demo/src/readme.md': 'process.env and Buffer in prose',
};

describe('check-runtime-neutral', () => {
  let root: string;
  let violations: RuntimeViolation[];

  beforeAll(() => {
    const files: Record<string, string> = { ...allowed };
    for (const [name, { text }] of Object.entries(forbidden)) files[`packages/demo/src/bad/${name}`] = text;
    root = fixture(files);
    roots.push(root);
    violations = findRuntimeViolations(root);
  });

  it.each(Object.entries(forbidden))('flags %s', (name, { hits }) => {
    const found = violations.filter((violation) => violation.file === `packages/demo/src/bad/${name}`);
    expect(found.map((violation) => violation.line)).toEqual(hits.map(([line]) => line));
    for (const [index, [, reason]] of hits.entries()) expect(found[index]!.reason).toMatch(reason);
  });

  it('passes properties, strings, comments, local declarations, web APIs, tests, *.node.ts and non-package code', () => {
    const unexpected = violations.filter((violation) => !violation.file.startsWith('packages/demo/src/bad/'));
    expect(unexpected.map(formatViolation)).toEqual([]);
  });

  it('reports file:line:column, the reason and the source line', () => {
    const hit = violations.find((violation) => violation.file === 'packages/demo/src/bad/from-fs.ts')!;
    expect(formatViolation(hit)).toBe(
      "packages/demo/src/bad/from-fs.ts:2:30: imports the Node built-in module 'fs'\n    import { readFileSync } from 'fs';",
    );
  });

  it('exits 1 and lists every hit on stderr when something is flagged', () => {
    const result = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Runtime-neutrality check failed');
    for (const name of Object.keys(forbidden)) expect(result.stderr).toContain(`packages/demo/src/bad/${name}:`);
    expect(result.stderr).not.toContain('/good/');
  });

  it('exits 0 on a clean tree', () => {
    const clean = fixture(Object.fromEntries(Object.entries(allowed)));
    roots.push(clean);
    const result = spawnSync(process.execPath, [script, clean], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Runtime-neutrality check passed');
  });
});

describe('isNodeBuiltin', () => {
  it.each(['fs', 'fs/promises', 'node:fs', 'node:test', 'crypto', 'zlib', 'stream/web', 'process', 'buffer', 'worker_threads'])(
    '%s is a Node built-in',
    (specifier) => expect(isNodeBuiltin(specifier)).toBe(true),
  );
  it.each(['ky', '@noble/hashes/sha2.js', 'crypto-js', './fs.js', '../crypto/sha256.js', 'valibot'])('%s is not', (specifier) =>
    expect(isNodeBuiltin(specifier)).toBe(false),
  );
});

describe('isExempt', () => {
  it.each(['serve.node.ts', 'a/b.test.ts', 'a/b.spec.tsx', 'aicc/test-harness.ts', 'test/helpers.ts', '__tests__/x.ts'])(
    '%s is exempt',
    (path) => expect(isExempt(path)).toBe(true),
  );
  it.each(['serve.ts', 'node.ts', 'testing.ts', 'a/contest.ts', 'latest/x.ts', 'harness.ts'])('%s is checked', (path) =>
    expect(isExempt(path)).toBe(false),
  );
});
