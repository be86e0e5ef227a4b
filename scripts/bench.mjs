#!/usr/bin/env node
// Benchmarks, printed as ONE table of ratios measured side by side in one run. Every comparison alternates its
// two sides (ours, theirs, ours, theirs, …) and compares medians (the client section: the median ratio of
// back-to-back rounds), so the noise of a shared machine hits both sides alike. The sections live in scripts/bench/:
//
//   signing.mjs          genUserSig / verifyUserSig / verifyCallback vs tls-sig-api-v2 and node:crypto
//   hostile-usersig.mjs  verifyUserSig on hostile UserSigs (zlib bomb, Huffman bomb, longest stream) vs a genuine one
//   client-overhead.mjs  createTencentClient vs raw fetch, emulator served over HTTP by a child process, 32 in flight,
//                        behind 30 ms of injected latency (budget) and on bare loopback, with the client's CPU per call
//   cli-cold-start.mjs   `tokenwire --version` on node, bun, deno vs the runtime running an empty module
//   worker-cpu.mjs       workerd CPU per verified callback (apps/edge-worker/bench/verify-callback-cpu.mjs)
//   worker-load.mjs      workerd callbacks/s, CPU and memory under load, REPLAY_GUARD and AICC_TOKEN off and on (apps/edge-worker/bench/load.mjs)
//
// Usage: node scripts/bench.mjs [--check] [--only=signing,hostile-usersig,client,cli,worker,worker-load]
//   --check  exits 1 when a budget is missed (a section that fails to run always exits 1).
// Knobs (environment): BENCH_ROUNDS (5), BENCH_ROUND_MS (400), BENCH_CLIENT_ROUNDS (21 loopback rounds),
//   BENCH_CLIENT_REQUESTS (1500 per loopback round and side), BENCH_LATENCY_ROUNDS (9 rounds behind 30 ms),
//   BENCH_LATENCY_REQUESTS (960 per such round and side),
//   BENCH_COLD_RUNS (15 per side and runtime), BENCH_WORKER_REQUESTS (1000 per scenario),
//   BENCH_LOAD_REQUESTS (400 per load round and scenario), BENCH_LOAD_MEMORY_CALLBACKS (100000 per worker).
import { cpus } from 'node:os';
import { benchCliColdStart } from './bench/cli-cold-start.mjs';
import { benchClientOverhead } from './bench/client-overhead.mjs';
import { benchHostileUserSig } from './bench/hostile-usersig.mjs';
import { benchSigning } from './bench/signing.mjs';
import { benchWorkerCpu } from './bench/worker-cpu.mjs';
import { benchWorkerLoad } from './bench/worker-load.mjs';

const check = process.argv.includes('--check');
const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='));
const only = onlyArgument ? new Set(onlyArgument.slice('--only='.length).split(',')) : undefined;
const env = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const rounds = env('BENCH_ROUNDS', 5);

const sections = [
  { key: 'signing', title: 'signing', run: () => benchSigning({ rounds, roundMs: env('BENCH_ROUND_MS', 400) }) },
  {
    key: 'hostile-usersig',
    title: 'hostile UserSigs',
    run: () => benchHostileUserSig({ rounds, roundMs: env('BENCH_ROUND_MS', 400) }),
  },
  {
    key: 'client',
    title: 'client overhead',
    run: () =>
      benchClientOverhead({
        rounds: env('BENCH_CLIENT_ROUNDS', 21),
        requests: env('BENCH_CLIENT_REQUESTS', 1500),
        latencyRounds: env('BENCH_LATENCY_ROUNDS', 9),
        latencyRequests: env('BENCH_LATENCY_REQUESTS', 960),
      }),
  },
  { key: 'cli', title: 'CLI cold start', run: () => benchCliColdStart({ runs: env('BENCH_COLD_RUNS', 15) }) },
  { key: 'worker', title: 'worker CPU', run: () => benchWorkerCpu({ requests: env('BENCH_WORKER_REQUESTS', 1000) }) },
  {
    key: 'worker-load',
    title: 'worker load',
    run: () => benchWorkerLoad({ requests: env('BENCH_LOAD_REQUESTS', 400), memoryCallbacks: env('BENCH_LOAD_MEMORY_CALLBACKS', 100_000) }),
  },
];

const rows = [];
const notes = [];
let missed = false;
let broken = false;
const started = performance.now();
for (const section of sections) {
  if (only && !only.has(section.key)) continue;
  process.stderr.write(`bench: ${section.title} …\n`);
  try {
    const result = await section.run();
    rows.push(...result.rows);
    notes.push(result.note);
  } catch (error) {
    broken = true;
    rows.push({
      benchmark: section.title,
      tokenwire: 'ERROR',
      baseline: String(error?.message ?? error).split('\n')[0],
      ratio: '—',
      budget: '—',
    });
    notes.push(`${section.title}: ${error?.stack ?? error}`);
  }
}

for (const row of rows) {
  if (row.ok === false) missed = true;
  if (row.ok !== undefined) row.budget = `${row.budget} ${row.ok ? 'ok' : 'MISSED'}`;
}

const columns = ['benchmark', 'tokenwire', 'baseline', 'ratio', 'budget'];
const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
const line = (cells) => `| ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ')} |`;
console.log(
  `Node ${process.version} on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(line(columns));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(columns.map((column) => row[column])));
console.log('\nratio: tokenwire ÷ baseline — for ops/s and req/s higher is better, for "time" and "CPU" lower is better.');
for (const note of notes) console.log(`- ${note}`);

if (broken || (check && missed)) process.exitCode = 1;
