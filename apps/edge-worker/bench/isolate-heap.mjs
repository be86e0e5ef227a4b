// The V8 heap of one worker's isolate inside workerd, read through workerd's inspector (Chrome DevTools Protocol):
// a full garbage collection, then `Runtime.getHeapUsage` — what the isolate's JavaScript holds, apart from workerd's
// own memory and miniflare's plumbing that the process's RSS includes. workerd handles inspector messages while the
// isolate runs, so each command is pumped with cheap requests (`GET /healthz`) until it is answered.
import { createServer } from 'node:net';
import WebSocket from 'ws';

/** A free TCP port on 127.0.0.1 for miniflare's `inspectorPort` (chosen by the OS, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Connects to the isolate of worker `name` on workerd's inspector at `port`; `fetcher` is that worker's (from
 * `mf.getWorker`). `usedMb()` collects garbage and returns the heap in use, in MB.
 */
export async function isolateHeap(port, name, fetcher) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/core:user:${name}`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let sequence = 0;
  const waiting = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const command = async (method) => {
    const id = ++sequence;
    let answer;
    const answered = new Promise((resolve) => waiting.set(id, resolve)).then((message) => (answer = message));
    socket.send(JSON.stringify({ id, method }));
    for (let pumps = 0; answer === undefined; pumps++) {
      if (pumps === 1000) throw new Error(`workerd's inspector did not answer ${method}`);
      await (await fetcher.fetch('http://edge.test/healthz')).arrayBuffer();
      await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 5))]);
    }
    if (answer.error !== undefined) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result;
  };
  await command('HeapProfiler.enable');
  return {
    async usedMb() {
      await command('HeapProfiler.collectGarbage');
      const { usedSize } = await command('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    },
    close: () => socket.close(),
  };
}
