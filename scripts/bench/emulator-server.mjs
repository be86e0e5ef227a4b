// Child process of the client-overhead benchmark: serves the built emulator twice on 127.0.0.1 with the Node server
// — the Tencent app from argv[2] as JSON (rate limit off), once as is and once behind an injected latency fault of
// argv[3] ms on every request (the emulator's `latency` fault: a timer before the request is handled) — prints
// `{"direct": url, "delayed": url, "pid": …}` on one line, and closes when stdin ends or says "stop". Running
// them in their own process keeps the servers' CPU off the client's event loop.
import { join } from 'node:path';
import { root } from './stats.mjs';

const { createEmulator } = await import(join(root, 'packages/emulator/dist/index.js'));
const { serveEmulator } = await import(join(root, 'packages/emulator/dist/serve.node.js'));

const tencent = { ...JSON.parse(process.argv[2]), rateLimitPerSecond: false };
const latencyMs = Number(process.argv[3]);
const emulators = [
  createEmulator({ tencent, requestLogLimit: 1000 }),
  createEmulator({
    tencent,
    requestLogLimit: 1000,
    faults: [{ name: 'latency', route: '*', fault: { kind: 'latency', delayMs: latencyMs } }],
  }),
];
const served = await Promise.all(emulators.map((emulator) => serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' })));
process.stdout.write(`${JSON.stringify({ direct: served[0].url, delayed: served[1].url, pid: process.pid })}\n`);

let input = '';
const stop = async () => {
  await Promise.all(served.map((server) => server.close()));
  for (const emulator of emulators) emulator.close();
  process.exit(0);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
  if (input.includes('stop')) void stop();
});
process.stdin.on('end', () => void stop());
