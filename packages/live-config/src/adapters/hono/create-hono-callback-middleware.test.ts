import { type CallbackSignatureError, ValidationError } from '@tokenwire/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callbackQuery, destroyRoomBody, giftBody, SDK_APP_ID, TOKEN } from '../../../test/support/signed-callback.js';
import { callbackAck } from '../../callback/callback-ack.js';
import { createLiveCallbackVerifier } from '../../callback/create-live-callback-verifier.js';
import { createHonoCallbackMiddleware, type LiveCallbackVariables } from './create-hono-callback-middleware.js';

const verifier = createLiveCallbackVerifier({ sdkAppId: SDK_APP_ID, tokens: [TOKEN] });
const ACCEPTED = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';

interface Seen {
  readonly refusals: CallbackSignatureError[];
  readonly handled: string[];
  readonly errors: unknown[];
}

/** An app with `before` in front of the middleware, a handler that reads the body again, and an onError. */
function app(seen: Seen, before?: MiddlewareHandler) {
  const hono = new Hono<{ Variables: LiveCallbackVariables }>();
  hono.onError((error, c) => {
    seen.errors.push(error);
    return c.text(`error: ${error.message}`, 500);
  });
  if (before !== undefined) hono.use('/tencent/*', before);
  hono.post('/tencent/callback', createHonoCallbackMiddleware({ verifier, onRefusal: (error) => seen.refusals.push(error) }), async (c) => {
    const event = c.var.liveCallback;
    // The body is still readable after the middleware, through Hono's cache.
    seen.handled.push(`${event.command} ${event.rawBody === (await c.req.text())}`);
    return callbackAck();
  });
  return hono;
}

const emptySeen = (): Seen => ({ refusals: [], handled: [], errors: [] });

function post(
  hono: Hono<never> | ReturnType<typeof app>,
  command: string,
  body: string,
  options: Parameters<typeof callbackQuery>[1] = {},
  contentType = 'application/json',
) {
  return hono.request(`/tencent/callback?${callbackQuery(command, options)}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createHonoCallbackMiddleware', () => {
  it('puts the verified event on c.var.liveCallback, and leaves the body readable', async () => {
    const seen = emptySeen();
    const response = await post(app(seen), 'Live.CallbackAfterDestroyRoom', destroyRoomBody('live_7'));
    expect(await response.text()).toBe(ACCEPTED);
    expect(seen.handled).toEqual(['Live.CallbackAfterDestroyRoom true']);
    expect(seen.refusals).toEqual([]);
  });

  it('answers a forged callback 401 itself, reports it, and does not run the handler', async () => {
    const seen = emptySeen();
    const response = await post(app(seen), 'Live.CallbackBeforeSendGift', giftBody('mallory', 1), { token: 'guess' });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('unauthenticated callback: signature_mismatch');
    expect(seen.refusals.map((error) => [error.reason, error.message])).toEqual([
      ['signature_mismatch', 'The callback Sign does not match any configured token'],
    ]);
    expect(seen.handled).toEqual([]);
  });

  it('answers a signed body that is not a callback 400 with the reason', async () => {
    const seen = emptySeen();
    const response = await post(app(seen), 'Live.CallbackBeforeSendGift', 'not json');
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^malformed callback: The callback body is not valid JSON/);
  });

  it('keeps the exact bytes: a body that is not UTF-8 is refused, not repaired', async () => {
    const seen = emptySeen();
    const hono = app(seen);
    const response = await hono.request(`/tencent/callback?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, {
      method: 'POST',
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    expect(response.status).toBe(400);
    expect(seen.refusals.map((error) => error.reason)).toEqual(['malformed_body']);
  });

  it.each<[string, MiddlewareHandler]>([
    [
      'c.req.json()',
      async (c, next) => {
        await c.req.json();
        await next();
      },
    ],
    [
      'c.req.text()',
      async (c, next) => {
        await c.req.text();
        await next();
      },
    ],
    [
      'c.req.arrayBuffer()',
      async (c, next) => {
        await c.req.arrayBuffer();
        await next();
      },
    ],
    [
      'c.req.blob()',
      async (c, next) => {
        await c.req.blob();
        await next();
      },
    ],
  ])('verifies the exact body after an earlier %s, through Hono’s cache', async (_, before) => {
    const seen = emptySeen();
    const response = await post(app(seen, before), 'Live.CallbackAfterDestroyRoom', destroyRoomBody('live_7'));
    expect(await response.text()).toBe(ACCEPTED);
    expect(seen.handled).toEqual(['Live.CallbackAfterDestroyRoom true']);
  });

  it.each(['application/json', 'application/x-www-form-urlencoded'])(
    'verifies the exact body after an earlier c.req.parseBody() of a %s request',
    async (contentType) => {
      const seen = emptySeen();
      const before: MiddlewareHandler = async (c, next) => {
        await c.req.parseBody();
        await next();
      };
      const response = await post(app(seen, before), 'Live.CallbackAfterDestroyRoom', destroyRoomBody('live_7'), {}, contentType);
      expect(await response.text()).toBe(ACCEPTED);
    },
  );

  it.each<[string, MiddlewareHandler, RegExp]>([
    [
      'only a parsed form is cached (as older Hono versions cache c.req.json())',
      async (c, next) => {
        (c.req.bodyCache as Record<string, unknown>)['json'] = c.req.raw.json();
        await next();
      },
      /parsed \(c\.req\.parseBody\(\) or c\.req\.json\(\)\).*Put the tokenwire middleware first/,
    ],
    [
      'c.req.raw.text() read the body, bypassing the cache',
      async (c, next) => {
        await c.req.raw.text();
        await next();
      },
      /read from c\.req\.raw before the tokenwire middleware/,
    ],
  ])('fails loudly, through onError, when %s', async (_, before, message) => {
    const seen = emptySeen();
    const response = await post(app(seen, before), 'Live.CallbackAfterDestroyRoom', destroyRoomBody('live_7'));
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(message);
    expect(seen.errors).toEqual([expect.objectContaining({ name: 'CallbackSignatureError', reason: 'malformed_request' })]);
    expect(seen.refusals).toEqual([]);
    expect(seen.handled).toEqual([]);
  });

  it('warns with the reason and the message by default', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hono = new Hono<{ Variables: LiveCallbackVariables }>();
    hono.post('/tencent/callback', createHonoCallbackMiddleware({ verifier }), () => callbackAck());
    const response = await post(hono as never, 'Live.CallbackAfterDestroyRoom', '{}', { requestTime: 1 });
    expect(response.status).toBe(401);
    expect(warned).toHaveBeenCalledWith(
      expect.stringMatching(/^Refused a Tencent callback \(stale_request_time\): The callback RequestTime is \d+ s behind/),
    );
  });

  it.each<[Record<string, unknown>, string]>([
    [{}, 'verifier'],
    [{ verifier: { verify: 1 } }, 'verifier'],
    [{ verifier, onRefusal: 'log' }, 'onRefusal'],
    [{ verifier, onEvent: () => undefined }, 'onEvent'],
  ])('checks its options when it is made: %o', (options, path) => {
    let caught: unknown;
    try {
      createHonoCallbackMiddleware(options as never);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).issues[0]?.path).toBe(path);
  });
});
