// Shared fixtures of the emulator's own tests: one Tencent app, one AICC tenant, and signed calls to both.
import { buildRequestUrl, genUserSig, type Clock } from '@tokenwire/core';

export const TENCENT = {
  sdkAppId: 1400000001,
  secretKey: 'tencent-secret-key-5f0c7e1d9a2b4c6e8f00112233445566',
  admins: ['administrator'],
} as const;

export const AICC = {
  appKey: 'aicc-app-key-0001',
  appSecret: 'aicc-app-secret-9f8e7d6c5b4a',
  channels: ['web-channel-1'],
  pollHoldMs: 50,
} as const;

export const BASE = 'https://emulator.test';

type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A signed Tencent REST URL for `live_config/{command}`. */
export function tencentUrl(command: string, options: { base?: string; now?: Clock; identifier?: string; random?: number } = {}): string {
  const identifier = options.identifier ?? 'administrator';
  return buildRequestUrl({
    baseUrl: options.base ?? BASE,
    service: 'live_config',
    command,
    sdkAppId: TENCENT.sdkAppId,
    identifier,
    userSig: genUserSig({ sdkAppId: TENCENT.sdkAppId, secretKey: TENCENT.secretKey, identifier, now: options.now }),
    random: options.random ?? 12345,
  });
}

/** Calls `live_config/{command}` and returns the status and the parsed envelope. */
export async function tencentCall(
  fetch: FetchFunction,
  command: string,
  body: unknown = {},
  options: { base?: string; now?: Clock; signal?: AbortSignal } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(tencentUrl(command, options), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Gets an API Fabric AccessToken and a `ccmessaging-token` for `userId`; returns the headers of a chat call. */
export async function aiccLogin(
  fetch: FetchFunction,
  userId = 'user-1',
  base = BASE,
): Promise<{ accessToken: string; messageToken: string; headers: Record<string, string> }> {
  const tokenResponse = await fetch(`${base}/apigovernance/api/oauth/tokenByAkSk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-token-expire': '600' },
    body: JSON.stringify({ app_key: AICC.appKey, app_secret: AICC.appSecret }),
  });
  const { AccessToken: accessToken } = (await tokenResponse.json()) as { AccessToken: string };
  const fabricHeaders = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'x-app-key': AICC.appKey };
  const applied = await fetch(`${base}/apiaccess/ccmessaging/applyToken`, {
    method: 'POST',
    headers: fabricHeaders,
    body: JSON.stringify({ userId, userName: 'Test User', channelId: AICC.channels[0], locale: 'en' }),
  });
  const { token: messageToken } = (await applied.json()) as { token: string };
  return { accessToken, messageToken, headers: { ...fabricHeaders, 'ccmessaging-token': messageToken } };
}

/** A `send` body for `userId`. */
export function sendBody(userId: string, controlType: string, content?: string): Record<string, unknown> {
  return {
    channel: 'WEB',
    controlType,
    from: userId,
    to: AICC.channels[0],
    mediaType: 'TEXT',
    sourceType: 'CUSTOMER',
    ...(content === undefined ? {} : { content }),
  };
}
