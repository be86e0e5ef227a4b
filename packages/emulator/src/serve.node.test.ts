import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ValidationError } from '@tokenwire/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AICC, TENCENT, aiccLogin, sendBody, tencentCall } from '../test/fixtures.js';
import { createEmulator, type EmulatorOptions } from './create-emulator.js';
import type { ServedEmulator } from './serve-options.js';
import { serveEmulator } from './serve.node.js';
import type { EmulatedService } from './service.js';

const served: ServedEmulator[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await Promise.all(served.splice(0).map((server) => server.close()));
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function start(options: EmulatorOptions) {
  const emulator = createEmulator(options);
  cleanups.push(() => emulator.close());
  const server = await serveEmulator(emulator);
  served.push(server);
  return { emulator, server };
}

/** Echoes method, path, query, a header and the body bytes; `/hold` waits until the request aborts. */
function echoService(events: string[]): EmulatedService {
  return {
    async handle(request) {
      const url = new URL(request.url);
      if (url.pathname === '/hold') {
        await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }));
        events.push('hold aborted');
        return new Response('too late');
      }
      if (url.pathname === '/stream') {
        const encoder = new TextEncoder();
        const chunks = ['one,', 'two,', 'three'];
        return new Response(
          new ReadableStream({
            async pull(controller) {
              const next = chunks.shift();
              if (next === undefined) controller.close();
              else {
                await new Promise((resolve) => setTimeout(resolve, 5));
                controller.enqueue(encoder.encode(next));
              }
            },
          }),
        );
      }
      if (url.pathname === '/cookies') {
        const headers = new Headers();
        headers.append('set-cookie', 'a=1');
        headers.append('set-cookie', 'b=2');
        return new Response('ok', { headers });
      }
      if (!url.pathname.startsWith('/echo')) return undefined;
      const body = new Uint8Array(await request.arrayBuffer());
      return Response.json({
        method: request.method,
        path: url.pathname,
        query: url.search,
        header: request.headers.get('x-test'),
        bytes: [...body],
      });
    },
  };
}

describe('serveEmulator on Node', () => {
  it('listens on 127.0.0.1 on an OS-chosen port and serves signed Tencent calls end to end', async () => {
    const { server, emulator } = await start({ tencent: TENCENT });
    expect(server.hostname).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await tencentCall(fetch, 'get_callback', {}, { base: server.url })).toMatchObject({ status: 200, body: { ErrorCode: 100301 } });
    const set = await tencentCall(
      fetch,
      'set_callback',
      { Url: 'https://hook.test/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] },
      { base: server.url },
    );
    expect(set.body).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    const got = await tencentCall(fetch, 'get_callback', {}, { base: server.url });
    expect(got.body).toMatchObject({
      ErrorCode: 0,
      Response: { Url: 'https://hook.test/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] },
    });
    expect(emulator.log.last()?.url).toContain(`http://127.0.0.1:${server.port}/v4/live_config/get_callback?`);
    expect(emulator.log.last()?.url).toContain('usersig=***');
  });

  it('carries method, path, query, headers and binary bodies into the Request', async () => {
    const { server } = await start({ services: [echoService([])] });
    const response = await fetch(`${server.url}/echo/path?x=1&y=2`, {
      method: 'PUT',
      headers: { 'x-test': 'hello' },
      body: new Uint8Array([0, 255, 7]),
    });
    expect(await response.json()).toEqual({ method: 'PUT', path: '/echo/path', query: '?x=1&y=2', header: 'hello', bytes: [0, 255, 7] });
    const head = await fetch(`${server.url}/echo`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('streams response bodies chunk by chunk and keeps repeated set-cookie headers', async () => {
    const { server } = await start({ services: [echoService([])] });
    expect(await (await fetch(`${server.url}/stream`)).text()).toBe('one,two,three');
    const cookies = await fetch(`${server.url}/cookies`);
    expect(cookies.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('answers 404 and CORS preflights over HTTP', async () => {
    const { server } = await start({ tencent: TENCENT });
    const missing = await fetch(`${server.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${server.url}/v4/live_config/get_callback`, {
      method: 'OPTIONS',
      headers: { origin: 'http://page.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('drops the connection for drop-connection faults (fetch rejects) and keeps serving', async () => {
    const { server, emulator } = await start({
      tencent: TENCENT,
      faults: [{ route: 'live_config/*', fault: 'drop-connection', times: 1 }],
    });
    await expect(tencentCall(fetch, 'get_callback', {}, { base: server.url })).rejects.toThrow(TypeError);
    expect(await tencentCall(fetch, 'get_callback', {}, { base: server.url })).toMatchObject({ body: { ErrorCode: 100301 } });
    expect(emulator.log.entries().map((entry) => entry.outcome)).toEqual(['dropped', 'response']);
  });

  it('sends the headers of a stalled body at once, and ends it when the client aborts', async () => {
    const { server, emulator } = await start({ tencent: TENCENT, faults: [{ route: '*', fault: 'stall-body', times: 1 }] });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v4/live_config/get_callback`, { method: 'POST', body: '{}', signal: controller.signal });
    expect(response.status).toBe(200);
    const reading = response.text();
    setTimeout(() => controller.abort(), 30);
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(emulator.log.last()?.outcome).toBe('stalled');
    expect(await tencentCall(fetch, 'get_callback', {}, { base: server.url })).toMatchObject({ body: { ErrorCode: 100301 } });
  });

  it('aborts the Request signal when the client disconnects', async () => {
    const events: string[] = [];
    const { server } = await start({ services: [echoService(events)] });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/hold`, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => events).toEqual(['hold aborted']);
  });

  it('close() ends stalled bodies and held requests, frees the port, and is idempotent', async () => {
    const events: string[] = [];
    const { server } = await start({ services: [echoService(events)], faults: [{ route: '/stall', fault: 'stall-body' }] });
    const stalled = await fetch(`${server.url}/stall`);
    const settle = (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (error: unknown) => error,
      );
    const stalledBody = settle(stalled.text());
    const held = settle(fetch(`${server.url}/hold`));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const closing = server.close();
    expect(server.close()).toBe(closing);
    await closing;
    expect(await stalledBody).toBeInstanceOf(TypeError);
    expect(await held).toBeInstanceOf(TypeError);
    expect(events).toEqual(['hold aborted']);
    await expect(fetch(`${server.url}/echo`)).rejects.toThrow(TypeError);
  });

  it('passes AICC long polls and the rotated ccmessaging-token header through', async () => {
    const { server } = await start({ aicc: { ...AICC, pollHoldMs: 100, messageTokenTtlSeconds: 600, rotateWithinSeconds: 600 } });
    const { headers } = await aiccLogin(fetch, 'user-http', server.url);
    const sent = await fetch(`${server.url}/apiaccess/ccmessaging/send`, {
      method: 'POST',
      headers,
      body: JSON.stringify(sendBody('user-http', 'CONNECT')),
    });
    expect(await sent.json()).toMatchObject({ resultCode: '0' });
    expect(sent.headers.get('ccmessaging-token')).toBeTruthy();
    const polled = await fetch(`${server.url}/apiaccess/ccmessaging/poll?receiverId=user-http&channel=WEB`, { headers });
    expect(await polled.json()).toMatchObject({ resultCode: '0', downlinkMessages: expect.any(Array) });
  });

  it('adds latency over HTTP', async () => {
    const { emulator, server } = await start({
      tencent: TENCENT,
      faults: [{ name: 'slow', route: '*', fault: { kind: 'latency', delayMs: 80 } }],
    });
    expect(await tencentCall(fetch, 'get_callback', {}, { base: server.url })).toMatchObject({ status: 200, body: { ErrorCode: 100301 } });
    // The wait itself is timed in-process with fake timers (create-emulator.test.ts); here: it applied, and the answer came.
    expect(emulator.log.last()).toMatchObject({
      outcome: 'response',
      status: 200,
      faults: [{ name: 'slow', fault: { kind: 'latency', delayMs: 80 } }],
    });
  });

  it('rejects bad options and a port that is taken', async () => {
    const emulator = createEmulator({});
    await expect(serveEmulator(emulator, { port: 70000 })).rejects.toThrow(ValidationError);
    await expect(serveEmulator(emulator, { hostname: '' })).rejects.toThrow(ValidationError);
    await expect(serveEmulator({} as never)).rejects.toThrow(ValidationError);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      await expect(serveEmulator(emulator, { port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
