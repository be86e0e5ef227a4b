import { describe, expect, it } from 'vitest';
import { describeRoute } from '../route.js';
import { REQUEST_ID_PATTERN } from '../tencent/index.js';
import type { Fault } from './fault.js';
import { createFaultResponder, gatewayPage, isDroppedConnection } from './fault-response.js';

const tencent = describeRoute(new URL('https://x/v4/live_config/set_callback'));
const chat = describeRoute(new URL('https://x/apiaccess/ccmessaging/send'));
const upload = describeRoute(new URL('https://x/apiaccess/ccmessaging/uploadFileStream'));
const fabric = describeRoute(new URL('https://x/apigovernance/api/oauth/tokenByAkSk'));
const customFabric = describeRoute(new URL('https://x/oauth/token'), new Set(['/oauth/token']));

const respond = (fault: Fault, route = tencent, signal = new AbortController().signal) =>
  createFaultResponder({ fabricTokenPath: '/oauth/token' }).respond({ name: 'test', fault }, route, signal);

describe('createFaultResponder', () => {
  it('answers http-status with a non-JSON gateway page (502 by default)', async () => {
    const response = respond({ kind: 'http-status' });
    expect(response.status).toBe(502);
    expect(response.statusText).toBe('Bad Gateway');
    expect(response.headers.get('content-type')).toBe('text/html');
    const text = await response.text();
    expect(text).toContain('502 Bad Gateway');
    expect(() => JSON.parse(text)).toThrow();
    const custom = respond({ kind: 'http-status', status: 500, body: 'upstream exploded' });
    expect(custom.status).toBe(500);
    expect(await custom.text()).toBe('upstream exploded');
    expect(gatewayPage(599)).toContain('599 Error');
  });

  it('answers transient faults on Tencent routes with a valid envelope (100001 by default, or the given code)', async () => {
    const response = respond({ kind: 'transient' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 100001, ErrorInfo: expect.stringContaining('internal') });
    expect(body.RequestId).toMatch(REQUEST_ID_PATTERN);
    expect(await respond({ kind: 'transient', code: 60008 }).json()).toMatchObject({ ErrorCode: 60008 });
  });

  it('answers rate-limit faults on Tencent routes with 60018 by default, or the given code', async () => {
    expect(await respond({ kind: 'rate-limit' }).json()).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60018 });
    expect(await respond({ kind: 'rate-limit', code: 60007 }).json()).toMatchObject({ ErrorCode: 60007 });
  });

  it('answers AICC chat routes in their own shape', async () => {
    const transient = respond({ kind: 'transient' }, chat);
    expect(transient.status).toBe(200);
    expect(await transient.json()).toEqual({ resultCode: '13', resultDesc: 'Exception appeared!' });
    expect(await respond({ kind: 'transient' }, upload).json()).toEqual({ returnCode: '13', resultDesc: 'Exception appeared!' });
    const limited = respond({ kind: 'rate-limit' }, chat);
    expect(limited.status).toBe(200);
    expect(await limited.json()).toMatchObject({ resultCode: '10010000002' });
  });

  it('answers the API Fabric token route (default or custom path) with the Fabric error shape', async () => {
    for (const route of [fabric, customFabric]) {
      const transient = respond({ kind: 'transient' }, route);
      expect(transient.status).toBe(500);
      expect(await transient.json()).toMatchObject({ errorCode: expect.any(String), exceptionInfo: expect.any(String) });
      const limited = respond({ kind: 'rate-limit' }, route);
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ errorCode: '10010000002' });
    }
  });

  it.each([tencent, chat, fabric])('answers malformed-json with 200 and a truncated JSON body on $name', async (route) => {
    const response = respond({ kind: 'malformed-json' }, route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(text.startsWith('{')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('stalls the body after its first bytes until the signal aborts', async () => {
    const controller = new AbortController();
    const response = respond({ kind: 'stall-body' }, tencent, controller.signal);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"ActionStatus"/);
    let settled = false;
    const next = reader.read().finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    controller.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('errors a stalled body at once when the signal is already aborted, and tolerates a cancelled reader', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(respond({ kind: 'stall-body' }, chat, controller.signal).text()).rejects.toMatchObject({ name: 'AbortError' });
    const later = new AbortController();
    const response = respond({ kind: 'stall-body' }, chat, later.signal);
    await response.body!.cancel();
    expect(() => later.abort()).not.toThrow();
  });

  it('throws the TypeError of a real fetch for drop-connection, marked as a dropped connection', () => {
    let thrown: unknown;
    try {
      respond({ kind: 'drop-connection' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as TypeError).message).toBe('fetch failed');
    expect(String((thrown as TypeError).cause)).toContain('fault "test"');
    expect(isDroppedConnection(thrown)).toBe(true);
    expect(isDroppedConnection(new TypeError('fetch failed'))).toBe(false);
    expect(isDroppedConnection(undefined)).toBe(false);
  });

  it('has no answer of its own for latency', () => {
    expect(() => respond({ kind: 'latency', delayMs: 1 })).toThrow(TypeError);
  });
});
