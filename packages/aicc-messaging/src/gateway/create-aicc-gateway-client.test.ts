import { HttpStatusError, TokenwireError, ValidationError } from '@tokenwire/core';
import ky from 'ky';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_KEY,
  APP_SECRET,
  createTestBed,
  DIALECTS,
  recordingFetch,
  TEST_POLL_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
  textsOfError,
  type TestBed,
  type TestBedOverrides,
  type TestFetch,
} from '../../test/harness.js';
import { createReferenceGateway } from '../../test/reference-gateway.js';
import { FabricAuthError } from '../errors/fabric-auth-error.js';
import { GatewayError } from '../errors/gateway-error.js';
import { createAiccSession } from '../session/create-aicc-session.js';
import { applyToken } from '../token/apply-token.js';
import { createAiccGatewayClient, type AiccGatewayClientOptions } from './create-aicc-gateway-client.js';
import { GATEWAY_CCMESSAGING_APIS } from './gateway-contract.js';

const GATEWAY_URL = 'https://edge.example.com/support';
const USER_JWT = 'Bearer user-jwt-for-user-1';

let bed: TestBed;
afterEach(() => bed?.emulator.close());

/** A browser's view: a gateway client whose requests go to the reference gateway in front of the emulator. */
function browserSetUp(
  options: Partial<AiccGatewayClientOptions> = {},
  wrapGateway: (gateway: TestFetch) => TestFetch = (gateway) => gateway,
  bedOverrides: TestBedOverrides = {},
) {
  bed = createTestBed(bedOverrides);
  const gateway = createReferenceGateway({
    client: bed.client(),
    appKey: APP_KEY,
    fetch: (request) => bed.recorder.fetch(request),
    users: new Map([[USER_JWT, 'user-1']]),
    mountPath: '/support',
  });
  const browser = recordingFetch(wrapGateway(gateway));
  let authorizationCalls = 0;
  const client = createAiccGatewayClient({
    gatewayUrl: GATEWAY_URL,
    getAuthorization: async () => {
      authorizationCalls += 1;
      return USER_JWT;
    },
    fetch: (input, init) => browser.fetch(new Request(input, init)),
    now: bed.clock.now,
    random: () => 2 ** 31,
    timeoutMs: TEST_TIMEOUT_MS,
    ...options,
  });
  const session = createAiccSession(client, { ...bed.user(), pollTimeoutMs: TEST_POLL_TIMEOUT_MS });
  return { client, session, browser, authorizationCalls: () => authorizationCalls };
}

describe.each(DIALECTS)('against the %s dialect', (dialect) => {
  const setUp = (
    options: Partial<AiccGatewayClientOptions> = {},
    wrap?: (gateway: TestFetch) => TestFetch,
    aicc: TestBedOverrides['aicc'] = {},
  ) => browserSetUp(options, wrap, { dialect, aicc: { ...aicc, dialect } });

  describe('createAiccGatewayClient', () => {
    it('runs a chat through the gateway; the browser never sees the AK/SK or the AccessToken', async () => {
      const { client, session, browser } = setUp();
      expect(client).toMatchObject({ mode: 'gateway', endpoint: GATEWAY_URL });
      await session.connect();
      const { messages } = await session.poll();
      expect(messages.map((message) => message.sourceType)).toEqual(['ROBOT', 'ROBOT']);
      await session.send('refund');
      await session.history();

      expect(browser.requests.map((request) => `${request.method} ${request.url.pathname}${request.url.search}`)).toEqual([
        'POST /support/aicc/token',
        'POST /support/aicc/ccmessaging/send',
        'GET /support/aicc/ccmessaging/poll?receiverId=user-1&channel=WEB',
        'POST /support/aicc/ccmessaging/send',
        'POST /support/aicc/ccmessaging/queryHistoryChatMessage',
      ]);
      const accessTokens = [...bed.emulator.state.aicc!.accessTokens.keys()];
      const [messageToken] = bed.emulator.state.aicc!.messageTokens.keys();
      for (const request of browser.requests) {
        expect(request.headers.get('authorization')).toBe(USER_JWT);
        expect(request.headers.get('x-app-key')).toBeNull();
        const seen = `${request.body}${[...request.headers.values()].join('')}`;
        for (const secret of [APP_SECRET, ...accessTokens]) expect(seen).not.toContain(secret);
      }
      for (const response of browser.responses)
        for (const secret of accessTokens) expect([...response.headers.values()].join('')).not.toContain(secret);
      expect(browser.requests.slice(1).every((request) => request.headers.get('ccmessaging-token') === messageToken)).toBe(true);
      // Behind the gateway, AICC got the Fabric headers and the browser's ccmessaging-token.
      const upstream = bed.recorder.to('/apiaccess/ccmessaging/send');
      expect(
        upstream.every(
          (request) => request.headers.get('authorization') === `Bearer ${accessTokens[0]}` && request.headers.get('x-app-key') === APP_KEY,
        ),
      ).toBe(true);
      expect(upstream.every((request) => request.headers.get('ccmessaging-token') === messageToken)).toBe(true);
    });

    it('adopts a ccmessaging-token rotated behind the gateway', async () => {
      const { session, browser } = setUp();
      await session.connect();
      bed.clock.advance(57 * 60_000);
      await session.history();
      const rotated = browser.responses.at(-1)!.headers.get('ccmessaging-token');
      expect(rotated).not.toBeNull();
      await session.history();
      expect(browser.requests.at(-1)!.headers.get('ccmessaging-token')).toBe(rotated);
      bed.clock.advance(10 * 60_000);
      await session.history();
      expect(bed.emulator.state.aicc!.counters).toMatchObject({ issuedMessageTokens: 1, rejectedMessageTokens: 0 });
    });

    it('re-applies once through /aicc/token for a 401 storm', async () => {
      const { session, browser } = setUp();
      await session.connect();
      bed.aicc.expireMessageTokens();
      await Promise.all(Array.from({ length: 20 }, () => session.history()));
      expect(browser.to('/support/aicc/token')).toHaveLength(2);
      expect(bed.emulator.state.aicc!.counters.rejectedMessageTokens).toBe(20);
    });

    it('renews both tokens through the gateway when the long poll still gets 403 after its AccessToken refresh (devg-voip cec_05_1010)', async () => {
      const { session, browser } = setUp({}, undefined, { pollTokenRejectionStatus: 403 });
      await session.connect();
      await session.poll();
      bed.aicc.expireAllTokens();
      bed.aicc.pushMessage('user-1', { content: 'Welcome back' });
      const { messages } = await session.poll();
      expect(messages.map((message) => message.content)).toEqual(['Welcome back']);
      expect(browser.to('/support/aicc/token')).toHaveLength(2);
      expect(
        browser.responses.filter((response) => response.path === '/support/aicc/ccmessaging/poll').map((response) => response.status),
      ).toEqual([200, 403, 200]);
      expect(bed.emulator.state.aicc!.counters).toMatchObject({ issuedAccessTokens: 2, issuedMessageTokens: 2 });
    });

    it('sends through the caller’s ky instance: its headers and hooks apply to every call to the gateway', async () => {
      const hooked: string[] = [];
      const instance = ky.create({
        headers: { 'x-trace-id': 'trace-2' },
        hooks: { beforeRequest: [(request) => void hooked.push(request.method)] },
      });
      const { session, browser } = setUp({ ky: instance });
      await session.connect();
      await session.poll();
      expect(hooked).toEqual(['POST', 'POST', 'GET']);
      expect(browser.requests.map((request) => request.headers.get('x-trace-id'))).toEqual(['trace-2', 'trace-2', 'trace-2']);
    });

    it('sends Content-Type application/json;charset=UTF-8 with every POST to the gateway', async () => {
      const { session, browser } = setUp();
      await session.connect();
      await session.poll();
      const posts = browser.requests.filter((request) => request.method === 'POST');
      expect(posts).toHaveLength(2);
      for (const request of posts) expect(request.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(browser.requests.find((request) => request.method === 'GET')!.headers.has('content-type')).toBe(false);
    });

    it('asks getAuthorization before every attempt', async () => {
      const { session, authorizationCalls } = setUp();
      bed.emulator.faults.add({ route: '/apiaccess/ccmessaging/queryHistoryChatMessage', fault: 'drop-connection', times: 1 });
      await session.history();
      // applyToken, then the dropped attempt and its retry.
      expect(authorizationCalls()).toBe(3);
    });

    it('treats a 403 the gateway relays as final FabricAuthError', async () => {
      let relayed = 0;
      const { session } = setUp({}, (gateway) => async (request) => {
        if (new URL(request.url).pathname !== '/support/aicc/token') return gateway(request);
        relayed += 1;
        return Response.json({ errorCode: '10010000001', exceptionInfo: 'auth fail! illegal or expired token info.' }, { status: 403 });
      });
      const error = await session.connect().catch((caught: unknown) => caught);
      expect(FabricAuthError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ reason: 'access_token_rejected', errorCode: '10010000001', path: '/apiaccess/ccmessaging/applyToken' });
      expect(relayed).toBe(1);
    });

    it('reports the gateway’s own refusals as GatewayError with its code, its message and the gateway URL called', async () => {
      const { client } = setUp({ getAuthorization: () => 'Bearer unknown-jwt' });
      const unauthorized = await applyToken(client, bed.user()).catch((caught: unknown) => caught);
      expect(GatewayError.isInstance(unauthorized)).toBe(true);
      expect(HttpStatusError.isInstance(unauthorized)).toBe(false);
      expect(unauthorized).toMatchObject({ code: 'unauthorized', status: 401, url: `${GATEWAY_URL}/aicc/token`, retryable: false });
      expect((unauthorized as Error).message).toBe(`Gateway 401 unauthorized from ${GATEWAY_URL}/aicc/token: sign in first`);
      expect((unauthorized as Error).message).not.toContain('/apiaccess/');
      expect(textsOfError(unauthorized)).not.toContain('unknown-jwt');

      const { client: signedIn } = setUp();
      const forbidden = await applyToken(signedIn, bed.user('user-2')).catch((caught: unknown) => caught);
      expect(GatewayError.isInstance(forbidden)).toBe(true);
      expect(FabricAuthError.isInstance(forbidden)).toBe(false);
      expect(forbidden).toMatchObject({ code: 'forbidden', status: 403 });
      expect((forbidden as Error).message).toContain('userId is not the signed-in user');
    });

    it('does not retry a misconfigured gateway, but retries its transient refusals of idempotent calls', async () => {
      let refusals: [number, string][] = [];
      const { session, browser } = setUp({}, (gateway) => async (request) => {
        const refusal = refusals.shift();
        if (refusal === undefined) return gateway(request);
        const [status, code] = refusal;
        return Response.json({ error: code, message: 'see the logs' }, { status, headers: { 'x-aicc-gateway-error': code } });
      });
      refusals = [[500, 'misconfigured']];
      const error = await session.connect().catch((caught: unknown) => caught);
      expect(GatewayError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'misconfigured', status: 500, retryable: false, url: `${GATEWAY_URL}/aicc/token` });
      expect(browser.requests).toHaveLength(1);

      refusals = [[502, 'upstream_unavailable']];
      await session.connect();
      expect(browser.to('/support/aicc/token')).toHaveLength(3);
      expect(bed.time.backoffs).toHaveLength(1);
    });

    it('ends a messages() loop at once on a misconfigured gateway', async () => {
      let misconfigured = false;
      const { session } = setUp(
        {},
        (gateway) => async (request) =>
          misconfigured
            ? Response.json({ error: 'misconfigured' }, { status: 500, headers: { 'x-aicc-gateway-error': 'misconfigured' } })
            : gateway(request),
      );
      await session.connect();
      misconfigured = true;
      const errors: unknown[] = [];
      const error = await (async () => {
        for await (const _ of session.messages({ onError: (caught) => errors.push(caught) })) void _;
      })().catch((caught: unknown) => caught);
      expect(GatewayError.isInstance(error)).toBe(true);
      expect(errors).toEqual([]);
    });

    it('hands the gateway’s own 401 (an expired user JWT) to the caller without re-applying the ccmessaging-token', async () => {
      let jwt = USER_JWT;
      const { session, browser } = setUp({ getAuthorization: () => jwt });
      await session.connect();
      jwt = 'Bearer expired-user-jwt';
      const error = await session.history().catch((caught: unknown) => caught);
      expect(GatewayError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'unauthorized',
        status: 401,
        url: `${GATEWAY_URL}/aicc/ccmessaging/queryHistoryChatMessage`,
      });
      expect((error as Error).message).toContain('sign in first');
      expect(browser.to('/support/aicc/token')).toHaveLength(1);
      expect(browser.to('/support/aicc/ccmessaging/queryHistoryChatMessage')).toHaveLength(1);
      jwt = USER_JWT;
      await session.history();
      expect(bed.emulator.state.aicc!.counters).toMatchObject({ issuedMessageTokens: 1 });
    });

    it('wraps a failing getAuthorization and rejects an empty one, before sending', async () => {
      const failing = setUp({
        getAuthorization: () => {
          throw new Error('no session');
        },
      });
      const error = await applyToken(failing.client, bed.user()).catch((caught: unknown) => caught);
      expect(TokenwireError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe(
        'getAuthorization() failed before calling /apiaccess/ccmessaging/applyToken through the gateway',
      );
      expect((error as Error).cause).toBeInstanceOf(Error);
      expect(failing.browser.requests).toHaveLength(0);

      const empty = setUp({ getAuthorization: async () => ' ' });
      const invalid = await applyToken(empty.client, bed.user()).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(invalid)).toBe(true);
      expect(empty.browser.requests).toHaveLength(0);
    });

    it('sends no Authorization header without getAuthorization (cookie-authenticated gateways)', async () => {
      const { client, browser } = setUp({ getAuthorization: undefined });
      await applyToken(client, bed.user()).catch(() => undefined);
      expect(browser.requests[0]!.headers.has('authorization')).toBe(false);
    });

    it.each([
      ['support/chat', 'gatewayUrl: must be an absolute http(s) URL or a path starting with a single /'],
      ['//evil.example.com', 'gatewayUrl: must be an absolute http(s) URL or a path starting with a single /'],
      ['ws://edge.example.com', 'gatewayUrl: must be an absolute http(s) URL or a path starting with a single /'],
      ['https://user:pass@edge.example.com', 'gatewayUrl: must be an absolute http(s) URL or a path starting with a single /'],
      ['https://edge.example.com/?tenant=1', 'gatewayUrl: must be an absolute http(s) URL or a path starting with a single /'],
      [42, 'gatewayUrl: must be an absolute http(s) URL or a path starting with a single /'],
    ])('rejects the gateway URL %s', (gatewayUrl, message) => {
      expect(() => createAiccGatewayClient({ gatewayUrl } as never)).toThrow(message);
    });

    it.each([
      ['https://Edge.Example.com/support/', 'https://edge.example.com/support'],
      ['/support/chat//', '/support/chat'],
    ])('takes the gateway URL %s as %s', (gatewayUrl, endpoint) => {
      expect(createAiccGatewayClient({ gatewayUrl }).endpoint).toBe(endpoint);
    });

    it('rejects unknown options and a non-function getAuthorization', () => {
      expect(() => createAiccGatewayClient({ gatewayUrl: '/support', appSecret: 'x' } as never)).toThrow(
        'appSecret: is not a known option',
      );
      expect(() => createAiccGatewayClient({ gatewayUrl: '/support', getAuthorization: 'Bearer x' as never })).toThrow(
        'getAuthorization: must be a function',
      );
    });

    it('accepts a path on the page’s origin', () => {
      expect(createAiccGatewayClient({ gatewayUrl: '/support/' }).endpoint).toBe('/support');
    });

    it('relays every API of the contract with its method', () => {
      expect(GATEWAY_CCMESSAGING_APIS).toEqual({
        send: 'POST',
        sendAsync: 'POST',
        poll: 'GET',
        queryQueueInfo: 'POST',
        queryHistoryChatMessage: 'POST',
        doLeaveMessage: 'POST',
        uploadFileStream: 'POST',
        downloadFileStream: 'POST',
        queryPhraseByKeyword: 'POST',
        getsatisfactionsurveymode: 'POST',
        saveSatisfaction: 'POST',
        'v1/robot/feedbacksatisfaction': 'POST',
      });
    });
  });
});
