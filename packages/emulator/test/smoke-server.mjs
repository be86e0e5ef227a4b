// Serves the built emulator on whatever runtime runs this file (Node, Deno or Bun), imported through the
// package's exports map, with the emulator's `{ tencent, aicc }` options given as JSON in argv[2]. Prints one JSON
// line when listening; on a "stop" line on stdin it closes the server, prints the request log as one JSON line and
// exits 0.
import { createEmulator } from '@tokenwire/emulator';
import { serveEmulator } from '@tokenwire/emulator/serve';

const runtime = typeof globalThis.Deno !== 'undefined' ? 'deno' : typeof globalThis.Bun !== 'undefined' ? 'bun' : 'node';
const { tencent, aicc } = JSON.parse(process.argv[2] ?? '{}');
const emulator = createEmulator({
  ...(tencent === undefined ? {} : { tencent }),
  ...(aicc === undefined ? {} : { aicc }),
  faults: [
    { name: 'drop', route: '/smoke/drop', fault: 'drop-connection' },
    { name: 'stall', route: '/smoke/stall', fault: 'stall-body' },
    { name: 'gateway', route: '/smoke/gateway', fault: { kind: 'http-status', status: 502 } },
    { name: 'slow', route: '/smoke/slow', fault: { kind: 'latency', delayMs: 20_000 } },
  ],
});
const served = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });
console.log(JSON.stringify({ runtime, url: served.url, serveModule: import.meta.resolve('@tokenwire/emulator/serve') }));

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', async (chunk) => {
  input += chunk;
  if (!input.includes('stop\n')) return;
  process.stdin.pause();
  await served.close();
  console.log(
    JSON.stringify(
      emulator.log.entries().map((entry) => ({ route: entry.route.name, outcome: entry.outcome, status: entry.status ?? null })),
    ),
  );
  process.exit(0);
});
