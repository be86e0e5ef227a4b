/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveServeOptions, serverUrl, type FetchHandler, type ServeEmulatorOptions, type ServedEmulator } from './serve-options.js';

export type { FetchHandler, ServeEmulatorOptions, ServedEmulator } from './serve-options.js';

/** Reads the whole request body; rejects when the client goes away first. */
async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const joined = Buffer.concat(chunks);
  return new Uint8Array(joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer);
}

/** Converts a Node request into a fetch `Request` carrying `signal`. */
async function toFetchRequest(request: IncomingMessage, base: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    try {
      headers.append(raw[index]!, raw[index + 1]!);
    } catch {
      // a header the fetch API refuses is left out
    }
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(request) : undefined;
  const host = request.headers.host;
  const url = new URL(request.url ?? '/', host === undefined ? base : `http://${host}`);
  return new Request(url, { method, headers, signal, ...(hasBody ? { body } : {}) });
}

/** Resolves once the response can take more data, or has closed. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/** Streams a fetch `Response` into a Node response; headers go out at once, chunks as they come. */
async function writeResponse(source: Response, target: ServerResponse, method: string): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  source.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = source.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  target.writeHead(source.status, source.statusText || undefined, headers);
  if (source.body === null || method === 'HEAD') {
    await source.body?.cancel();
    target.end();
    return;
  }
  target.flushHeaders();
  const reader = source.body.getReader();
  const stop = (): void => {
    reader.cancel().catch(() => undefined);
  };
  target.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (target.destroyed) return;
      if (!target.write(value)) await drained(target);
    }
    target.end();
  } finally {
    target.off('close', stop);
  }
}

/**
 * Serves a fetch handler (an emulator) over HTTP with `node:http`. This is what `@tokenwire/emulator/serve`
 * gives on Node (the `node` export condition); Deno and Bun get their native servers.
 *
 * Each incoming request becomes a fetch `Request` whose `signal` aborts when the client disconnects or the
 * server closes; the `Response` is streamed back (headers at once, so a stalled body shows as a hanging body).
 * A rejection of the handler (a `drop-connection` fault) destroys the socket without an answer, so the
 * client's `fetch` rejects.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for bad options; the listen error (e.g. `EADDRINUSE`) when
 *   the port is taken.
 * @example
 * ```ts
 * import { createEmulator } from '@tokenwire/emulator';
 * import { serveEmulator } from '@tokenwire/emulator/serve';
 *
 * const served = await serveEmulator(createEmulator({ tencent }), { port: 0 });
 * console.log(served.url); // http://127.0.0.1:49152
 * await served.close();
 * ```
 */
export async function serveEmulator(emulator: FetchHandler, options: ServeEmulatorOptions = {}): Promise<ServedEmulator> {
  const { port, hostname } = resolveServeOptions(emulator, options);
  const inFlight = new Set<AbortController>();
  let base = serverUrl(hostname, port);

  const server = createServer((request, response) => {
    const controller = new AbortController();
    inFlight.add(controller);
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    response.on('close', () => {
      inFlight.delete(controller);
      if (!response.writableFinished) controller.abort(new DOMException('The client closed the connection', 'AbortError'));
    });
    void (async () => {
      try {
        const fetchRequest = await toFetchRequest(request, base, controller.signal);
        const fetchResponse = await emulator.fetch(fetchRequest);
        await writeResponse(fetchResponse, response, fetchRequest.method);
      } catch {
        // A dropped connection, an aborted request or a failed body: end the exchange without an answer.
        response.destroy();
        request.socket.destroy();
      }
    })();
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  base = serverUrl(hostname, address.port);

  let closed: Promise<void> | undefined;
  return {
    url: base,
    port: address.port,
    hostname,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        for (const controller of inFlight) controller.abort(new DOMException('The emulator server is closing', 'AbortError'));
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
