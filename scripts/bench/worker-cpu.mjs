// CPU per verified callback inside workerd: runs the edge worker's own benchmark
// (apps/edge-worker/bench/verify-callback-cpu.mjs, miniflare 3; its header explains the method) in a child
// process and reads its result lines into the table.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { formatMs, root } from './stats.mjs';

export const WORKER_BENCH = join(root, 'apps/edge-worker/bench/verify-callback-cpu.mjs');
const BUDGET_MS = 1;

function runChild(requests) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER_BENCH], {
      cwd: join(root, 'apps/edge-worker'),
      env: { ...process.env, BENCH_REQUESTS: String(requests) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${WORKER_BENCH} exited ${code}:\n${stdout}${stderr}`))));
  });
}

export async function benchWorkerCpu({ requests }) {
  const output = await runChild(requests);
  // Rows: `scenario  p50 ms  p95 ms  net p50 ms  net p95 ms`.
  const scenarios = new Map();
  for (const line of output.split('\n')) {
    const match = /^(\S+)\s+([\d.]+)\s+([\d.]+)\s+(-|-?[\d.]+)\s+(-|-?[\d.]+)\s*$/.exec(line);
    if (match)
      scenarios.set(match[1], { p50: Number(match[2]), p95: Number(match[3]), netP50: Number(match[4]), netP95: Number(match[5]) });
  }
  const base = scenarios.get('baseline');
  const gift = scenarios.get('before-gift');
  const event = scenarios.get('after-event');
  if (!base || !gift) throw new Error(`could not read the edge worker benchmark's output:\n${output}`);
  const rows = [
    {
      benchmark: 'worker: verify + ack one callback, workerd CPU p50 (net)',
      tokenwire: formatMs(gift.netP50),
      baseline: `${formatMs(base.p50)} (workerd CPU of a routed 404, subtracted)`,
      ratio: `${(gift.p50 / base.p50).toFixed(2)}× CPU`,
      budget: `< ${BUDGET_MS} ms`,
      ok: gift.netP50 < BUDGET_MS,
    },
  ];
  if (event) {
    rows.push({
      benchmark: 'worker: verify + replay check + queue send, CPU p50 (net)',
      tokenwire: formatMs(event.netP50),
      baseline: `${formatMs(base.p50)} (same baseline)`,
      ratio: `${(event.p50 / base.p50).toFixed(2)}× CPU`,
      budget: '—',
    });
  }
  return {
    rows,
    note: `worker cpu: apps/edge-worker/bench/verify-callback-cpu.mjs, ${requests} sequential requests per scenario, /proc schedstat of workerd`,
  };
}
