// What the worker benchmarks read of the worker and of the workerd process miniflare runs it in (Linux /proc).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt } from '../../../scripts/assert-built.mjs';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The built bundle (`pnpm bench` builds it first through turbo). */
export function builtBundle() {
  const bundle = join(appDir, 'dist', 'worker.js');
  assertBuilt({ name: '@tokenwire/edge-worker', outputs: [bundle], inputs: [join(appDir, 'src'), join(appDir, 'tsup.config.ts')] });
  return bundle;
}

/** The pid of the workerd process miniflare started (a child of this process). */
export function workerdPid() {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'workerd' && ppid === process.pid) return Number(name);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error('workerd process not found (this benchmark needs Linux /proc)');
}

/** Nanoseconds all threads of `pid` have spent on a CPU. */
export function cpuNanoseconds(pid) {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return total;
}
