// `tokenwire --version` cold start: wall time of spawning the built bundle (apps/cli/dist/cli.js) until it exits,
// on node, bun and deno, against the same runtime starting an empty module — measured in alternating runs
// (cli, empty, cli, empty, … for each runtime in turn) and compared by the medians.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeEnvironment } from '../runtime-env.mjs';
import { formatMs, median, root, runtimeBinary } from './stats.mjs';

export const CLI_PATH = join(root, 'apps/cli/dist/cli.js');
const EMPTY_PATH = join(root, 'scripts/bench/empty.mjs');
const BUDGET_MS = { node: 150 };

const commandLine = (runtime, script) => {
  const binary = runtimeBinary(runtime);
  if (binary === undefined) return undefined;
  return runtime === 'deno' ? [binary, ['run', '-A', script]] : [binary, [script]];
};

function timeOnce([command, args], extra, expectOutput) {
  const started = performance.now();
  const result = spawnSync(command, [...args, ...extra], {
    encoding: 'utf8',
    env: runtimeEnvironment(),
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0 || (expectOutput && !expectOutput.test(result.stdout))) {
    throw new Error(`${command} ${[...args, ...extra].join(' ')} exited ${result.status}: ${result.stdout}${result.stderr}`);
  }
  return elapsed;
}

export async function benchCliColdStart({ runs }) {
  if (!existsSync(CLI_PATH)) {
    return {
      rows: [
        {
          benchmark: 'CLI --version cold start',
          tokenwire: 'NOT BUILT',
          baseline: `${CLI_PATH} is missing`,
          ratio: '—',
          budget: '≤ 150 ms (node)',
          ok: false,
        },
      ],
      note: 'cli cold start: apps/cli/dist/cli.js was not built',
    };
  }
  const rows = [];
  for (const runtime of ['node', 'bun', 'deno']) {
    const cli = commandLine(runtime, CLI_PATH);
    const empty = commandLine(runtime, EMPTY_PATH);
    if (cli === undefined) {
      rows.push({
        benchmark: `CLI --version cold start, ${runtime}`,
        tokenwire: 'no binary',
        baseline: `the ${runtime} npm package is not installed`,
        ratio: '—',
        budget: '—',
      });
      continue;
    }
    const versionLine = new RegExp(`^tokenwire \\S+ \\(${runtime} `);
    // One unmeasured run each first: the runtime's own caches (deno's module cache, the page cache).
    timeOnce(cli, ['--version'], versionLine);
    timeOnce(empty, [], undefined);
    const ours = [];
    const theirs = [];
    for (let run = 0; run < runs; run++) {
      ours.push(timeOnce(cli, ['--version'], versionLine));
      theirs.push(timeOnce(empty, [], undefined));
    }
    const oursMs = median(ours);
    const theirsMs = median(theirs);
    const budget = BUDGET_MS[runtime];
    rows.push({
      benchmark: `CLI --version cold start, ${runtime} (median wall)`,
      tokenwire: formatMs(oursMs),
      baseline: `${formatMs(theirsMs)} (${runtime} running an empty module)`,
      ratio: `${(oursMs / theirsMs).toFixed(2)}× time`,
      budget: budget === undefined ? '—' : `≤ ${budget} ms`,
      ok: budget === undefined ? undefined : oursMs <= budget,
    });
  }
  return { rows, note: `cli cold start: ${runs} alternating runs per side and runtime after one unmeasured run, spawn to exit, medians` };
}
