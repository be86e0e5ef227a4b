/*
 * Shared set-up for the AICC service tests (not part of the package's API): a manual clock, a service with short
 * hold times, and small helpers that make real `Request`s.
 */
import { createAiccService, type AiccService } from '../src/aicc/aicc-service.js';
import type { AiccServiceOptions } from '../src/aicc/aicc-service-options.js';
import type { DownlinkMessage } from '../src/aicc/chat-message.js';
import { createManualClock, type ManualClock } from '../../../tests/support/manual-clock.js';

/** The app key the test services accept. */
export const TEST_APP_KEY = '6f1c2a4e-0b7d-4c1e-9a51-3d2f8e7b6c10';
/** The app secret the test services accept. */
export const TEST_APP_SECRET = 'test-app-secret-value';
/** The channel the test users chat on. */
export const TEST_CHANNEL = 'web-channel-1';
/** A second configured channel. */
export const OTHER_CHANNEL = 'web-channel-2';
/** Base URL of test requests. */
export const TEST_BASE_URL = 'https://aicc.test';
/** Where the manual clock starts (2023-11-14T22:13:20Z). */
export const CLOCK_START = 1_700_000_000_000;

/** Options of one ccmessaging call made by a test. */
export interface CallOptions {
  /** The `ccmessaging-token`; omitted → no header. */
  readonly token?: string;
  /** The AccessToken; omitted → the harness's own, `null` → no Authorization header. */
  readonly accessToken?: string | null;
  readonly method?: string;
  /** A value to send as JSON, or a string sent as is. */
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

/** A service under test with its clock and request helpers. */
export interface AiccHarness {
  readonly aicc: AiccService;
  readonly clock: ManualClock;
  /** Sends a request to the service; fails the test when the service does not claim it. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A live AccessToken (reused until it expires, then a new one is issued). */
  accessToken(): Promise<string>;
  /** Calls `/apiaccess/ccmessaging/{api}` with the harness's AccessToken and `x-app-key`. */
  call(api: string, options?: CallOptions): Promise<Response>;
  /** Applies a `ccmessaging-token` for a user on {@link TEST_CHANNEL}. */
  applyToken(userId: string, overrides?: Record<string, unknown>): Promise<string>;
  /** Sends a `sendMsgReq` for the user, with TEXT/CUSTOMER/WEB defaults. */
  send(
    token: string,
    userId: string,
    controlType: string,
    fields?: Record<string, unknown>,
    api?: 'send' | 'sendAsync',
  ): Promise<Record<string, unknown>>;
  /** Polls for the user and returns the parsed body. */
  poll(
    token: string,
    userId: string,
    options?: { isNeedRead?: string; signal?: AbortSignal },
  ): Promise<{ resultCode: string; resultDesc?: string; downlinkMessages: DownlinkMessage[] }>;
  /** Applies a token and connects; the robot's greeting is polled away. Returns the token. */
  connectedUser(userId: string): Promise<string>;
}

/** Creates a service with a manual clock and a 50 ms poll hold (unless overridden). */
export function createHarness(overrides: Partial<AiccServiceOptions> = {}): AiccHarness {
  const clock = createManualClock(CLOCK_START);
  const aicc = createAiccService(
    { appKey: TEST_APP_KEY, appSecret: TEST_APP_SECRET, channels: [TEST_CHANNEL, OTHER_CHANNEL], pollHoldMs: 50, ...overrides },
    { now: clock.now },
  );
  let cachedAccessToken: string | undefined;

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await aicc.handle(new Request(`${TEST_BASE_URL}${path}`, init));
    if (response === undefined) throw new TypeError(`the AICC service did not claim ${path}`);
    return response;
  }

  async function accessToken(): Promise<string> {
    const cached = cachedAccessToken === undefined ? undefined : aicc.state.accessTokens.get(cachedAccessToken);
    if (cached !== undefined && clock.now() < cached.expiresAt) return cached.accessToken;
    const response = await request('/apigovernance/api/oauth/tokenByAkSk', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-token-expire': '3600' },
      body: JSON.stringify({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }),
    });
    const body = (await response.json()) as { AccessToken: string };
    cachedAccessToken = body.AccessToken;
    return cachedAccessToken;
  }

  async function call(api: string, options: CallOptions = {}): Promise<Response> {
    const headers = new Headers({ 'content-type': 'application/json', 'x-app-key': TEST_APP_KEY });
    const fabricToken = options.accessToken === undefined ? await accessToken() : options.accessToken;
    if (fabricToken !== null) headers.set('authorization', `Bearer ${fabricToken}`);
    if (options.token !== undefined) headers.set('ccmessaging-token', options.token);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    const method = options.method ?? (api === 'poll' ? 'GET' : 'POST');
    const query = options.query === undefined ? '' : `?${new URLSearchParams(options.query).toString()}`;
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    return request(`/apiaccess/ccmessaging/${api}${query}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  async function applyToken(userId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await call('applyToken', {
      body: { userId, userName: `Name of ${userId}`, channelId: TEST_CHANNEL, locale: 'en', ...overrides },
    });
    const body = (await response.json()) as { token?: string; resultCode?: string };
    if (body.token === undefined) throw new TypeError(`applyToken failed: ${JSON.stringify(body)}`);
    // The developer-guide dialect answers the token inside literal quotes (cec_05_2012).
    return body.token.replace(/^"(.*)"$/, '$1');
  }

  async function send(
    token: string,
    userId: string,
    controlType: string,
    fields: Record<string, unknown> = {},
    api: 'send' | 'sendAsync' = 'send',
  ) {
    const response = await call(api, {
      token,
      body: {
        channel: 'WEB',
        controlType,
        from: userId,
        to: TEST_CHANNEL,
        mediaType: 'TEXT',
        sourceType: 'CUSTOMER',
        timestamp: String(clock.now()),
        ...fields,
      },
    });
    return (await response.json()) as Record<string, unknown>;
  }

  async function poll(token: string, userId: string, options: { isNeedRead?: string; signal?: AbortSignal } = {}) {
    const query: Record<string, string> = { receiverId: userId, channel: 'WEB' };
    if (options.isNeedRead !== undefined) query.isNeedRead = options.isNeedRead;
    const response = await call('poll', { token, query, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    return (await response.json()) as { resultCode: string; resultDesc?: string; downlinkMessages: DownlinkMessage[] };
  }

  async function connectedUser(userId: string): Promise<string> {
    const token = await applyToken(userId);
    const connected = await send(token, userId, 'CONNECT');
    if (connected.resultCode !== '0') throw new TypeError(`CONNECT failed: ${JSON.stringify(connected)}`);
    await poll(token, userId);
    return token;
  }

  return { aicc, clock, request, accessToken, call, applyToken, send, poll, connectedUser };
}
