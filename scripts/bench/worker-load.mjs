// Load test of the edge worker inside workerd: runs apps/edge-worker/bench/load.mjs (miniflare 3; its header explains
// the method) in a child process and turns its `RESULT` line into rows — callbacks per second per isolate and CPU per
// callback with the REPLAY_GUARD Durable Object off and on, AICC gateway relays with AICC_TOKEN off and on, each against a routed 404 of
// the same run, workerd's memory growth per callback, and the isolate's heap after GC over the run.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { formatCount, formatMs, root } from './stats.mjs';

export const WORKER_LOAD_BENCH = join(root, 'apps/edge-worker/bench/load.mjs');

function runChild(environment) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER_LOAD_BENCH], {
      cwd: join(root, 'apps/edge-worker'),
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${WORKER_LOAD_BENCH} exited ${code}:\n${stdout}${stderr}`)),
    );
  });
}

/** Rows of the load test; `requests` per round and scenario, `memoryCallbacks` per worker for the memory reading. */
export async function benchWorkerLoad({ requests, memoryCallbacks }) {
  const output = await runChild({ BENCH_LOAD_REQUESTS: String(requests), BENCH_LOAD_MEMORY_CALLBACKS: String(memoryCallbacks) });
  const line = output.split('\n').find((entry) => entry.startsWith('RESULT '));
  if (line === undefined) throw new Error(`could not read the worker load test's output:\n${output}`);
  const result = JSON.parse(line.slice('RESULT '.length));
  const [base, ...callbacks] = result.rows;
  const rows = callbacks.flatMap((row) => [
    {
      benchmark: `worker load: ${row.scenario}, requests/s per isolate`,
      tokenwire: formatCount(row.perSecond),
      baseline: `${formatCount(base.perSecond)} routed 404/s`,
      ratio: `${(row.perSecond / base.perSecond).toFixed(2)}×`,
      budget: '—',
    },
    {
      benchmark: `worker load: ${row.scenario}, workerd CPU per request`,
      tokenwire: formatMs(row.cpuMs),
      baseline: `${formatMs(base.cpuMs)} per routed 404`,
      ratio: `${(row.cpuMs / base.cpuMs).toFixed(2)}× CPU`,
      budget: '—',
    },
  ]);
  const growthKb = ({ beforeMb, afterMb }) => ((afterMb - beforeMb) * 1024) / result.memoryCallbacks;
  const baseGrowth = growthKb(result.memory[base.scenario]);
  const heap = ({ heapMb }) =>
    `${heapMb[0].toFixed(1)} → ${Math.max(...heapMb).toFixed(1)} MB (peak), ${heapMb.at(-1).toFixed(1)} at the end`;
  for (const row of callbacks.filter((entry) => entry.scenario in result.memory)) {
    const growth = growthKb(result.memory[row.scenario]);
    rows.push(
      {
        benchmark: `worker load: ${row.scenario}, workerd RSS growth per callback over ${formatCount(result.memoryCallbacks)}`,
        tokenwire: `${growth.toFixed(1)} KB`,
        baseline: `${baseGrowth.toFixed(1)} KB per routed 404`,
        ratio: baseGrowth > 0 ? `${(growth / baseGrowth).toFixed(2)}×` : '—',
        budget: '—',
      },
      {
        benchmark: `worker load: ${row.scenario}, isolate heap after GC over ${formatCount(result.memoryCallbacks)} callbacks`,
        tokenwire: heap(result.memory[row.scenario]),
        baseline: `${heap(result.memory[base.scenario])} over as many routed 404s`,
        ratio: '—',
        budget: '—',
      },
    );
  }
  return {
    rows,
    note: `worker load: apps/edge-worker/bench/load.mjs, ${result.rounds} rounds × ${result.perRound} requests per scenario, ${result.concurrency} in flight, one isolate per worker, load generator on the same machine`,
  };
}
