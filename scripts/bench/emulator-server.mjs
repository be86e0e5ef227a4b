// Child process of the client-overhead benchmark: serves the built emulator (Tencent app from argv[2] as JSON,
// rate limit off) on 127.0.0.1 with the Node server, prints `{"url": …}` on one line, and closes when stdin
// ends or says "stop". Running it in its own process keeps the server's CPU off the client's event loop.
import { join } from 'node:path';
import { root } from './stats.mjs';

const { createEmulator } = await import(join(root, 'packages/emulator/dist/index.js'));
const { serveEmulator } = await import(join(root, 'packages/emulator/dist/serve.node.js'));

const emulator = createEmulator({
  tencent: { ...JSON.parse(process.argv[2]), rateLimitPerSecond: false },
  requestLogLimit: 1000,
});
const served = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: served.url, pid: process.pid })}\n`);

let input = '';
const stop = async () => {
  await served.close();
  emulator.close();
  process.exit(0);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
  if (input.includes('stop')) void stop();
});
process.stdin.on('end', () => void stop());
