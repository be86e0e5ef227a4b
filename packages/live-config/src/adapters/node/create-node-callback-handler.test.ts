// Node only: real node:http, Express 4 and Express 5 servers on 127.0.0.1, driven by signed callbacks over HTTP.
import { createServer, type RequestListener } from 'node:http';
import { CallbackSignatureError, ValidationError } from '@tokenwire/core';
import express4 from 'express4';
import express5 from 'express5';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listen, type Listening } from '../../../test/support/listen.js';
import { callbackQuery, destroyRoomBody, giftBody, postCallback, SDK_APP_ID, TOKEN } from '../../../test/support/signed-callback.js';
import { createLiveCallbackVerifier } from '../../callback/create-live-callback-verifier.js';
import type { LiveCallbackEvent } from '../../callback/events/live-callback-event.js';
import { createNodeCallbackHandler, type NodeCallbackHandlerOptions } from './create-node-callback-handler.js';

const verifier = createLiveCallbackVerifier({ sdkAppId: SDK_APP_ID, tokens: [TOKEN] });
const ACCEPTED = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';

/** What a test's handler saw: events, refusals and errors passed to `next`. */
interface Seen {
  readonly events: LiveCallbackEvent[];
  readonly refusals: CallbackSignatureError[];
  readonly errors: unknown[];
}

type Options = Partial<NodeCallbackHandlerOptions>;

function handlerOptions(seen: Seen, options: Options): NodeCallbackHandlerOptions {
  return {
    verifier,
    onEvent: (event) => {
      seen.events.push(event);
    },
    onRefusal: (error) => seen.refusals.push(error),
    ...options,
  };
}

/** The servers the handler is mounted in, each built around the same options. */
const SERVERS: Record<string, (seen: Seen, options: Options) => RequestListener> = {
  'node:http (no next)': (seen, options) => createNodeCallbackHandler(handlerOptions(seen, options)),
  'Express 4': (seen, options) => {
    const app = express4();
    app.post('/tencent/callback', createNodeCallbackHandler(handlerOptions(seen, options)));
    app.use((error: unknown, _request: unknown, response: { status(code: number): { send(body: string): void } }, _next: unknown) => {
      seen.errors.push(error);
      response.status(500).send('error handler');
    });
    return app;
  },
  'Express 5': (seen, options) => {
    const app = express5();
    app.post('/tencent/callback', createNodeCallbackHandler(handlerOptions(seen, options)));
    app.use((error: unknown, _request: express5.Request, response: express5.Response, _next: express5.NextFunction) => {
      seen.errors.push(error);
      response.status(500).send('error handler');
    });
    return app;
  },
};

let running: Listening | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
  vi.restoreAllMocks();
});

async function start(listener: RequestListener): Promise<string> {
  running = await listen(createServer(listener));
  return `${running.origin}/tencent/callback`;
}

function emptySeen(): Seen {
  return { events: [], refusals: [], errors: [] };
}

describe.each(Object.keys(SERVERS))('createNodeCallbackHandler in %s', (server) => {
  const build = SERVERS[server]!;

  it('reads the raw body, verifies it, hands the event over and writes the ack', async () => {
    const seen = emptySeen();
    const url = await start(build(seen, {}));
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe(ACCEPTED);
    expect(seen.events).toHaveLength(1);
    expect(seen.events[0]).toMatchObject({ known: true, command: 'Live.CallbackAfterDestroyRoom', body: { RoomId: 'live_7' } });
    // The raw bytes, so integers beyond 2^53 come out exact.
    expect(seen.events[0]?.body).toMatchObject({ RoomInfo: { Owner_Account: '144115216631667826' } });
    expect(seen.refusals).toEqual([]);
  });

  it('answers what onEvent decides', async () => {
    const seen = emptySeen();
    const url = await start(build(seen, { onEvent: async () => ({ kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' }) }));
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackBeforeSendGift')}`, giftBody('alice', 10));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 1001, ErrorInfo: 'not enough coins' });
  });

  it('answers a forged callback 401 with its reason and reports it to onRefusal, never to onEvent', async () => {
    const seen = emptySeen();
    const url = await start(build(seen, {}));
    const response = await postCallback(
      `${url}?${callbackQuery('Live.CallbackBeforeSendGift', { token: 'guess' })}`,
      giftBody('mallory', 1),
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('unauthenticated callback: signature_mismatch');
    expect(seen.refusals.map((error) => [error.reason, error.message])).toEqual([
      ['signature_mismatch', 'The callback Sign does not match any configured token'],
    ]);
    expect(seen.events).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('answers a signed body that is not a callback 400 with the reason why', async () => {
    const seen = emptySeen();
    const url = await start(build(seen, {}));
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackBeforeSendGift')}`, '[1,2]');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('malformed callback: The callback body is not a JSON object');
    expect(seen.refusals.map((error) => error.reason)).toEqual(['malformed_body']);
  });

  it('answers a body over maxBodyBytes 413 without reading it, declared or streamed', async () => {
    const seen = emptySeen();
    const url = `${await start(build(seen, { maxBodyBytes: 64 }))}?${callbackQuery('Live.CallbackBeforeSendGift')}`;
    const declared = await postCallback(url, giftBody('alice', 10));
    expect(declared.status).toBe(413);
    expect(declared.headers.get('connection')).toBe('close');
    expect(await declared.text()).toBe('callback body over 64 bytes');

    // No Content-Length: chunked, stopped once past the limit.
    const chunks = [
      new TextEncoder().encode('{"CallbackCommand":"Live.CallbackBeforeSendGift",'),
      new TextEncoder().encode('x'.repeat(100)),
    ];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await postCallback(url, stream);
    expect(streamed.status).toBe(413);
    expect(seen.refusals.map((error) => [error.reason, error.message])).toEqual([
      ['malformed_request', 'The callback body is over 64 bytes (maxBodyBytes)'],
      ['malformed_request', 'The callback body is over 64 bytes (maxBodyBytes)'],
    ]);
    expect(seen.events).toEqual([]);
  });

  it('never leaves an error unhandled: a failing onEvent reaches next (Express) or becomes a 500 (node:http)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const seen = emptySeen();
      const failure = new Error('wallet down');
      const url = await start(
        build(seen, {
          onEvent: async () => {
            throw failure;
          },
        }),
      );
      const response = await postCallback(`${url}?${callbackQuery('Live.CallbackBeforeSendGift')}`, giftBody('alice', 10));
      expect(response.status).toBe(500);
      if (server.startsWith('node:http')) {
        expect(await response.text()).toBe('internal error');
        expect(logged).toHaveBeenCalledWith('The Tencent callback handler failed:', failure);
      } else {
        expect(await response.text()).toBe('error handler');
        expect(seen.errors).toEqual([failure]);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('createNodeCallbackHandler behind Express body parsers', () => {
  const BODY_PARSED = /already read and parsed by a body parser \(express\.json\(\).*Mount the tokenwire handler before the global parser/;

  it.each([
    ['Express 4', express4],
    ['Express 5', express5],
  ] as const)('%s: a global express.json() fails loudly through next — a misconfiguration, not a silent 401', async (_, express) => {
    const seen = emptySeen();
    const app = express();
    app.use(express.json());
    app.post('/tencent/callback', createNodeCallbackHandler(handlerOptions(seen, {})));
    app.use((error: unknown, _request: unknown, response: express5.Response, _next: unknown) => {
      seen.errors.push(error);
      response.status(500).send(`${(error as Error).name}: ${(error as Error).message}`);
    });
    const url = await start(app);
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'));
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(BODY_PARSED);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toMatchObject({ name: 'CallbackSignatureError', reason: 'malformed_request' });
    expect(seen.refusals).toEqual([]);
    expect(seen.events).toEqual([]);
  });

  it('Express 4: reaches Express’s own error handler without one of the app’s (no crash, no hang)', async () => {
    const seen = emptySeen();
    const app = express4();
    app.use(express4.json());
    app.post('/tencent/callback', createNodeCallbackHandler(handlerOptions(seen, {})));
    app.set('env', 'test'); // Express's final handler does not print the stack in tests
    const url = await start(app);
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'));
    expect(response.status).toBe(500);
  });

  it('Express 4: a global express.json() that left a non-JSON request unread does not get in the way', async () => {
    const seen = emptySeen();
    const app = express4();
    app.use(express4.json()); // sets req.body = {} without reading a text/plain body
    app.post('/tencent/callback', createNodeCallbackHandler(handlerOptions(seen, {})));
    const url = await start(app);
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'), {
      'content-type': 'text/plain',
    });
    expect(await response.text()).toBe(ACCEPTED);
    expect(seen.events).toHaveLength(1);
  });

  it.each([
    ['Express 4', express4, 'raw'],
    ['Express 5', express5, 'raw'],
    ['Express 4', express4, 'text'],
    ['Express 5', express5, 'text'],
  ] as const)('%s: uses the body express.%s() left, and the URL before mounting', async (_, express, parser) => {
    const seen = emptySeen();
    const app = express();
    const callbacks = express.Router();
    callbacks.post('/callback', express[parser]({ type: '*/*' }), createNodeCallbackHandler(handlerOptions(seen, {})));
    app.use('/tencent', callbacks);
    const url = await start(app);
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'));
    expect(await response.text()).toBe(ACCEPTED);
    expect(seen.events[0]).toMatchObject({ known: true, body: { RoomInfo: { Owner_Account: '144115216631667826' } } });
  });

  it('refuses a body express.raw() kept that is over maxBodyBytes', async () => {
    const seen = emptySeen();
    const app = express5();
    app.post('/tencent/callback', express5.raw({ type: '*/*' }), createNodeCallbackHandler(handlerOptions(seen, { maxBodyBytes: 10 })));
    const url = await start(app);
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'));
    expect(response.status).toBe(413);
  });
});

describe('createNodeCallbackHandler on node:http with next', () => {
  it('passes what it cannot answer to next', async () => {
    const seen = emptySeen();
    const failure = new Error('handler failed');
    const handler = createNodeCallbackHandler(
      handlerOptions(seen, {
        onEvent: () => {
          throw failure;
        },
      }),
    );
    const url = await start((request, response) =>
      handler(request, response, (error) => {
        seen.errors.push(error);
        response.statusCode = 503;
        response.end('from next');
      }),
    );
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'));
    expect(response.status).toBe(503);
    expect(seen.errors).toEqual([failure]);
  });

  it('warns with the reason and the message by default, and never the token', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handler = createNodeCallbackHandler({ verifier, onEvent: () => undefined });
    const url = await start(handler);
    const response = await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom', { sdkAppId: 1400000001 })}`, '{}');
    expect(response.status).toBe(401);
    expect(warned).toHaveBeenCalledTimes(1);
    const [message] = warned.mock.calls[0]!;
    expect(message).toMatch(/^Refused a Tencent callback \(sdkappid_mismatch\): The callback is for SDKAppID "1400000001", not 1400000000/);
    expect(message).not.toContain(TOKEN);
  });
});

describe('createNodeCallbackHandler options', () => {
  it.each<[Record<string, unknown>, string]>([
    [{}, 'verifier'],
    [{ verifier: {}, onEvent: () => undefined }, 'verifier'],
    [{ verifier, onEvent: 'x' }, 'onEvent'],
    [{ verifier, onEvent: () => undefined, maxBodyBytes: 0 }, 'maxBodyBytes'],
    [{ verifier, onEvent: () => undefined, maxBodyBytes: 1.5 }, 'maxBodyBytes'],
    [{ verifier, onEvent: () => undefined, onRefusal: true }, 'onRefusal'],
    [{ verifier, onEvent: () => undefined, maxBodySize: 10 }, 'maxBodySize'],
  ])('are checked when the handler is made: %o', (options, path) => {
    let caught: unknown;
    try {
      createNodeCallbackHandler(options as never);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).issues[0]?.path).toBe(path);
  });

  it('refuses a request stream that yields text (setEncoding) rather than guessing its bytes', async () => {
    const seen = emptySeen();
    const handler = createNodeCallbackHandler(handlerOptions(seen, {}));
    const url = await start((request, response) => {
      request.setEncoding('utf8');
      handler(request, response, (error) => {
        seen.errors.push(error);
        response.statusCode = 500;
        response.end();
      });
    });
    await postCallback(`${url}?${callbackQuery('Live.CallbackAfterDestroyRoom')}`, destroyRoomBody('live_7'));
    expect(seen.errors).toHaveLength(1);
    expect(CallbackSignatureError.isInstance(seen.errors[0])).toBe(true);
    expect((seen.errors[0] as Error).message).toMatch(/yields text, not bytes/);
  });
});
