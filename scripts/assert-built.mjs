// Test suites that run a package's built output check here that it exists and is newer than its inputs.
// They never build it themselves: turbo builds every package before its tests (`test` depends on `build`), and a
// suite that rebuilt dist/ on its own would race that build (tsup empties dist/ first) and any other suite
// reading the same files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative } from 'node:path';

/** The newest modification time under a file or folder, skipping test files; 0 when it does not exist. */
function newestInput(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.test.ts') || entry === 'node_modules') continue;
    newest = Math.max(newest, newestInput(`${path}/${entry}`));
  }
  return newest;
}

/**
 * Throws when any of `outputs` is missing or older than the newest of `inputs`, naming the command that builds it.
 * @param {{ name: string, outputs: string[], inputs: string[] }} build
 */
export function assertBuilt({ name, outputs, inputs }) {
  const newest = Math.max(...inputs.map(newestInput));
  const stale = outputs.filter((output) => !existsSync(output) || statSync(output).mtimeMs < newest);
  if (stale.length === 0) return;
  const listed = stale.map((output) => relative(process.cwd(), output)).join(', ');
  throw new Error(
    `${name} is not built or older than its sources (${listed}): run \`pnpm test\` (turbo builds first) or \`pnpm turbo run build --filter=${name}...\``,
  );
}
