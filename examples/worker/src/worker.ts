// A Cloudflare Worker built on tokenwire: it receives TUILiveKit callbacks (verified, with a gift policy), mints
// UserSigs for signed-in users, and configures its own callback URL and token through the Tencent REST API.
//
//   POST /tencent/callback             Tencent's callbacks: verifyLiveCallback → callbackAck (gifts over the limit blocked)
//   POST /usersig      { userId }      a UserSig for that user, valid 1 hour
//   POST /admin/configure-callbacks    { url }: upsertCallback + setCallbackToken with this worker's token
//                                      (Authorization: Bearer ADMIN_TOKEN)
import { CallbackSignatureError, constantTimeEqualStrings, createTencentClient, genUserSig, TokenwireError } from '@tokenwire/core';
import { callbackAck, setCallbackToken, upsertCallback, verifyLiveCallback } from '@tokenwire/live-config';

/** The worker's bindings (wrangler `vars` and secrets). */
export interface Env {
  readonly TENCENT_SDK_APP_ID: string;
  readonly TENCENT_SECRET_KEY: string;
  /** The App administrator the worker calls the REST API as. */
  readonly TENCENT_ADMIN: string;
  /** `https://adminapisgp.im.qcloud.com` in production; the emulator in the example. */
  readonly TENCENT_BASE_URL: string;
  readonly TENCENT_CALLBACK_TOKEN: string;
  readonly ADMIN_TOKEN: string;
  /** Gifts worth more coins are blocked. */
  readonly GIFT_COIN_LIMIT: string;
}

const CALLBACK_COMMANDS = ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom', 'Live.CallbackBeforeSendGift'];
const USER_SIG_SECONDS = 3600;

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

async function receiveCallback(request: Request, env: Env): Promise<Response> {
  try {
    const event = await verifyLiveCallback(request, { sdkAppId: Number(env.TENCENT_SDK_APP_ID), tokens: env.TENCENT_CALLBACK_TOKEN });
    if (
      event.known &&
      event.command === 'Live.CallbackBeforeSendGift' &&
      (event.body.GiftWater?.Coins ?? 0) > Number(env.GIFT_COIN_LIMIT)
    ) {
      // A refusal: ActionStatus OK with a non-zero ErrorCode blocks the gift.
      return callbackAck({ kind: 'refuse', errorCode: 1001, errorInfo: `gifts are limited to ${env.GIFT_COIN_LIMIT} coins` });
    }
    return callbackAck();
  } catch (error) {
    if (CallbackSignatureError.isInstance(error)) return new Response(error.reason, { status: 401 });
    throw error;
  }
}

async function mintUserSig(request: Request, env: Env): Promise<Response> {
  const { userId } = (await request.json().catch(() => ({}))) as { userId?: unknown };
  if (typeof userId !== 'string' || !/^[\w@.-]{1,32}$/.test(userId)) return json({ error: 'userId: 1–32 of A-Z a-z 0-9 _ - . @' }, 400);
  const userSig = genUserSig({
    sdkAppId: Number(env.TENCENT_SDK_APP_ID),
    secretKey: env.TENCENT_SECRET_KEY,
    identifier: userId,
    expireSeconds: USER_SIG_SECONDS,
  });
  return json({ userId, userSig, expiresInSeconds: USER_SIG_SECONDS });
}

async function configureCallbacks(request: Request, env: Env): Promise<Response> {
  const authorization = request.headers.get('authorization') ?? '';
  if (!constantTimeEqualStrings(authorization, `Bearer ${env.ADMIN_TOKEN}`)) return json({ error: 'unauthorized' }, 401);
  const { url } = (await request.json().catch(() => ({}))) as { url?: unknown };
  if (typeof url !== 'string') return json({ error: 'url is required' }, 400);
  const client = createTencentClient({
    sdkAppId: Number(env.TENCENT_SDK_APP_ID),
    identifier: env.TENCENT_ADMIN,
    secretKey: env.TENCENT_SECRET_KEY,
    baseUrl: env.TENCENT_BASE_URL,
  });
  try {
    const outcome = await upsertCallback(client, { url, commands: CALLBACK_COMMANDS });
    await setCallbackToken(client, { token: env.TENCENT_CALLBACK_TOKEN, enabled: true });
    return json({ outcome, commands: CALLBACK_COMMANDS });
  } catch (error) {
    // Tokenwire errors carry no secrets; pass their name and message on.
    if (TokenwireError.isInstance(error)) return json({ error: error.name, message: error.message }, 502);
    throw error;
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method !== 'POST') return json({ error: 'method not allowed' }, 405);
    switch (pathname) {
      case '/tencent/callback':
        return receiveCallback(request, env);
      case '/usersig':
        return mintUserSig(request, env);
      case '/admin/configure-callbacks':
        return configureCallbacks(request, env);
      default:
        return json({ error: 'not found' }, 404);
    }
  },
};
