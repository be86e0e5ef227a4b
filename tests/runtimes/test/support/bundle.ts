// Bundles a scenario entry point with esbuild for runtimes that cannot resolve packages from node_modules
// themselves (workerd, the browser). The packages resolve through their exports maps' `import` condition, so the
// bundle contains their built ESM (dist/index.js), exactly as a user's bundler would pick it.
import { build } from 'esbuild';
import { join } from 'node:path';
import { scenarioDir, suiteDir } from './built-packages.js';

export interface ScenarioBundle {
  readonly code: string;
  /** The files that went into the bundle, relative to tests/runtimes (to prove it is made of dist/, not src/). */
  readonly inputs: readonly string[];
}

export async function bundleScenario(entry: 'worker.mjs' | 'browser.mjs', target: 'workerd' | 'browser'): Promise<ScenarioBundle> {
  const result = await build({
    entryPoints: [join(scenarioDir, entry)],
    absWorkingDir: suiteDir,
    bundle: true,
    format: 'esm',
    platform: target === 'browser' ? 'browser' : 'neutral',
    mainFields: ['module', 'main'],
    conditions: target === 'workerd' ? ['workerd', 'worker', 'import'] : ['browser', 'import'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  return { code: output.text, inputs: Object.keys(result.metafile.inputs) };
}
