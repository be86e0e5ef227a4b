// The Deno/Bun server, with the runtimes' globals stubbed; the real runtimes run it in test/runtime-smoke.test.ts.
import { TokenwireError, ValidationError } from '@tokenwire/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveEmulator } from './serve.js';

type Handler = (request: Request, info?: { completed?: Promise<void> }) => Promise<Response>;

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubBun() {
  const calls: { options?: { port: number; hostname: string; idleTimeout?: number; fetch: Handler }; stopped?: boolean } = {};
  vi.stubGlobal('Bun', {
    serve(options: { port: number; hostname: string; idleTimeout?: number; fetch: Handler }) {
      calls.options = options;
      return {
        port: options.port === 0 ? 41234 : options.port,
        stop: async (closeActiveConnections?: boolean) => {
          calls.stopped = closeActiveConnections === true;
        },
      };
    },
  });
  return calls;
}

function stubDeno() {
  const calls: { options?: { port: number; hostname: string }; handler?: Handler; shutdown?: number } = { shutdown: 0 };
  vi.stubGlobal('Deno', {
    serve(options: { port: number; hostname: string }, handler: Handler) {
      calls.options = options;
      calls.handler = handler;
      return {
        addr: { port: 42345 },
        shutdown: async () => {
          calls.shutdown = (calls.shutdown ?? 0) + 1;
        },
        finished: Promise.resolve(),
      };
    },
  });
  return calls;
}

describe('serveEmulator (Deno and Bun)', () => {
  it('serves with Bun.serve, forwarding requests to the handler', async () => {
    const calls = stubBun();
    const seen: Request[] = [];
    const served = await serveEmulator({
      fetch: async (request) => {
        seen.push(request);
        return new Response('hi');
      },
    });
    expect(calls.options).toMatchObject({ port: 0, hostname: '127.0.0.1' });
    expect(served).toMatchObject({ url: 'http://127.0.0.1:41234', port: 41234, hostname: '127.0.0.1' });
    const response = await calls.options!.fetch(new Request('http://127.0.0.1:41234/x', { method: 'POST', body: 'payload' }));
    expect(await response.text()).toBe('hi');
    expect(await seen[0]!.text()).toBe('payload');
    await served.close();
    expect(calls.stopped).toBe(true);
  });

  it("turns Bun's idle timeout off, so holds and latency longer than its 10 s default are not cut", async () => {
    const calls = stubBun();
    await serveEmulator({ fetch: async () => new Response() });
    expect(calls.options?.idleTimeout).toBe(0);
  });

  it('turns a rejected fetch into a body that fails at once (the runtime drops the connection)', async () => {
    const calls = stubBun();
    await serveEmulator({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const response = await calls.options!.fetch(new Request('http://h/x'));
    await expect(response.text()).rejects.toThrow('connection dropped');
  });

  it('aborts the signal of requests in flight when closing', async () => {
    const calls = stubDeno();
    let signal: AbortSignal | undefined;
    const served = await serveEmulator(
      {
        fetch: async (request) => {
          signal = request.signal;
          return new Response('ok');
        },
      },
      { port: 8123, hostname: '::1' },
    );
    expect(calls.options).toMatchObject({ port: 8123, hostname: '::1' });
    expect(served.url).toBe('http://[::1]:42345');
    await calls.handler!(new Request('http://h/x'));
    expect(signal?.aborted).toBe(false);
    const closing = served.close();
    expect(served.close()).toBe(closing);
    await closing;
    expect(signal?.aborted).toBe(true);
    expect(calls.shutdown).toBe(1);
  });

  it('follows the client disconnecting (the runtime aborts request.signal)', async () => {
    const calls = stubDeno();
    let signal: AbortSignal | undefined;
    await serveEmulator({
      fetch: async (request) => {
        signal = request.signal;
        return new Response('ok');
      },
    });
    const client = new AbortController();
    await calls.handler!(new Request('http://h/x', { signal: client.signal }));
    client.abort();
    expect(signal?.aborted).toBe(true);
  });

  it("on Deno, follows the handler info's completed promise instead of request.signal", async () => {
    const calls = stubDeno();
    const signals: AbortSignal[] = [];
    await serveEmulator({
      fetch: async (request) => {
        signals.push(request.signal);
        return new Response('ok');
      },
    });
    const untouched = new AbortController();
    let failConnection: (reason: unknown) => void = () => undefined;
    const completed = new Promise<void>((_resolve, reject) => {
      failConnection = reject;
    });
    await calls.handler!(new Request('http://h/x', { signal: untouched.signal }), { completed });
    let finished: () => void = () => undefined;
    await calls.handler!(new Request('http://h/y'), { completed: new Promise<void>((resolve) => (finished = resolve)) });
    untouched.abort(); // Deno aborts request.signal after successful responses too: not a disconnect
    expect(signals[0]?.aborted).toBe(false);
    failConnection(new Error('connection reset'));
    finished();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
  });

  it('maps wildcard hostnames to loopback in the URL', async () => {
    stubBun();
    expect((await serveEmulator({ fetch: async () => new Response() }, { hostname: '0.0.0.0' })).url).toBe('http://127.0.0.1:41234');
    expect((await serveEmulator({ fetch: async () => new Response() }, { hostname: '::' })).url).toBe('http://[::1]:41234');
  });

  it('says what to do on a runtime that is neither Deno nor Bun', async () => {
    vi.stubGlobal('Bun', undefined);
    vi.stubGlobal('Deno', undefined);
    const attempt = serveEmulator({ fetch: async () => new Response() });
    await expect(attempt).rejects.toThrow(TokenwireError);
    await expect(attempt).rejects.toThrow(/node.*export condition/);
  });

  it('rejects bad options before touching the runtime', async () => {
    const calls = stubBun();
    await expect(serveEmulator({ fetch: async () => new Response() }, { port: -1 })).rejects.toThrow(ValidationError);
    await expect(serveEmulator({ fetch: async () => new Response() }, { port: 1.5 })).rejects.toThrow(ValidationError);
    expect(calls.options).toBeUndefined();
  });
});
