// Bundles src/worker.ts into dist/worker.js, one ES module as workerd loads it (what `wrangler deploy` would
// upload). Importable: test.mjs calls it before starting miniflare.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const WORKER_BUNDLE = join(here, 'dist', 'worker.js');

export async function buildWorker() {
  await build({
    entryPoints: [join(here, 'src', 'worker.ts')],
    outfile: WORKER_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser', 'import'],
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  return WORKER_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorker();
