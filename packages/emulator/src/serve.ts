import { TokenwireError } from '@tokenwire/core';
import { resolveServeOptions, serverUrl, type FetchHandler, type ServeEmulatorOptions, type ServedEmulator } from './serve-options.js';

export type { FetchHandler, ServeEmulatorOptions, ServedEmulator } from './serve-options.js';

/** The part of Bun's `Bun.serve` used here. */
interface BunRuntime {
  serve(options: {
    port: number;
    hostname: string;
    /** Seconds a connection may stay silent before Bun closes it; 0 turns the limit off (Bun's default is 10). */
    idleTimeout: number;
    fetch(request: Request): Promise<Response>;
  }): { readonly port: number; stop(closeActiveConnections?: boolean): Promise<void> | void };
}

/** The part of Deno's `Deno.serve` used here. */
interface DenoRuntime {
  serve(
    options: { port: number; hostname: string; onListen?(address: unknown): void },
    handler: (request: Request, info?: { readonly completed?: Promise<void> }) => Promise<Response>,
  ): { readonly addr: { readonly port: number }; shutdown(): Promise<void>; readonly finished: Promise<void> };
}

/** Bun's `idleTimeout` value that disables the idle limit (checked on Bun 1.4: a 22 s hold then completes). */
const BUN_IDLE_TIMEOUT_OFF = 0;

/**
 * The answer for a rejected fetch (a dropped connection): a body that fails at once. Bun then resets the
 * connection before sending anything; Deno has already sent the status line and cuts the body.
 */
function droppedConnection(): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new TypeError('connection dropped by the emulator'));
      },
    }),
    { status: 502, headers: { 'content-type': 'text/plain' } },
  );
}

/**
 * Serves a fetch handler (an emulator) over HTTP with the runtime's own server: `Deno.serve` on Deno,
 * `Bun.serve` on Bun. On Node, the `node` export condition of `@tokenwire/emulator/serve` gives the `node:http`
 * implementation of the same function instead.
 *
 * A rejection of the handler (a `drop-connection` fault) drops the connection: on Bun before any byte is sent,
 * on Deno after the status line (Deno offers no way to close a socket without answering). `close()` aborts the
 * requests in flight, so stalled bodies end. On Bun the idle timeout (10 s by default) is turned off, so a
 * long-poll hold or a latency fault may keep a request waiting for as long as it says.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for bad options; a `TokenwireError` on a runtime that is
 *   neither Deno nor Bun.
 * @example
 * ```ts
 * const served = await serveEmulator(createEmulator({ tencent }), { port: 0 });
 * await fetch(`${served.url}/v4/live_config/get_callback?…`, { method: 'POST', body: '{}' });
 * await served.close();
 * ```
 */
export async function serveEmulator(emulator: FetchHandler, options: ServeEmulatorOptions = {}): Promise<ServedEmulator> {
  const { port, hostname } = resolveServeOptions(emulator, options);
  const closing = new AbortController();
  /**
   * `disconnected` is the client-gone signal: `request.signal` on Bun; on Deno the `completed` promise of the
   * handler info (it rejects when the client goes away), since Deno's `request.signal` also aborts after every
   * successful response and warns about it.
   */
  const handler = async (request: Request, info?: { readonly completed?: Promise<void> }): Promise<Response> => {
    let disconnected: AbortSignal;
    if (info?.completed === undefined) {
      disconnected = request.signal;
    } else {
      const client = new AbortController();
      info.completed.catch(() => client.abort(new DOMException('The client closed the connection', 'AbortError')));
      disconnected = client.signal;
    }
    const signal = AbortSignal.any([disconnected, closing.signal]);
    try {
      // Built from parts: `new Request(request, …)` would read `request.signal`, which on Deno warns.
      const forwarded = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        duplex: 'half',
      } as RequestInit);
      return await emulator.fetch(forwarded);
    } catch {
      return droppedConnection();
    }
  };
  const runtime = globalThis as { Bun?: BunRuntime; Deno?: DenoRuntime };

  if (runtime.Bun !== undefined) {
    // Bun cuts any connection silent for 10 s by default, pending handlers included. Long-poll holds and latency
    // faults may be longer, and a test server has no idle clients to shed, so the limit is turned off.
    const server = runtime.Bun.serve({ port, hostname, idleTimeout: BUN_IDLE_TIMEOUT_OFF, fetch: (request) => handler(request) });
    let closed: Promise<void> | undefined;
    return {
      url: serverUrl(hostname, server.port),
      port: server.port,
      hostname,
      close() {
        closed ??= (async () => {
          closing.abort(new DOMException('The emulator server is closing', 'AbortError'));
          await server.stop(true);
        })();
        return closed;
      },
    };
  }

  if (runtime.Deno !== undefined) {
    const server = runtime.Deno.serve({ port, hostname, onListen() {} }, (request, info) => handler(request, info));
    let closed: Promise<void> | undefined;
    return {
      url: serverUrl(hostname, server.addr.port),
      port: server.addr.port,
      hostname,
      close() {
        closed ??= (async () => {
          closing.abort(new DOMException('The emulator server is closing', 'AbortError'));
          await server.shutdown();
          await server.finished;
        })();
        return closed;
      },
    };
  }

  throw new TokenwireError(
    'serveEmulator needs Deno or Bun here. On Node, import it from "@tokenwire/emulator/serve" so the "node" export condition picks the node:http server; elsewhere (browsers, workers) pass emulator.fetch to your own server.',
  );
}
