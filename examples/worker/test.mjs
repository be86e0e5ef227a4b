// Runs the example worker inside workerd (miniflare 3) against the emulator, which runs here in Node:
//   - the worker's outbound fetches (the Tencent REST API) go to the emulator through miniflare's outboundService;
//   - the emulator delivers callbacks to the worker through dispatchFetch.
// Prints a short report; exits 0 only when every check passed.
import { createTencentClient, decodeUserSig, signCallback, verifyUserSig } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { generateCallbackToken, getCallback, getCallbackToken } from '@tokenwire/live-config';
import { Miniflare, Response as MiniflareResponse } from 'miniflare';
import { buildWorker } from './build.mjs';

const SDK_APP_ID = 1400000000;
const SECRET_KEY = 'example-secret-key-not-a-real-one';
const WORKER_ORIGIN = 'https://edge.example.com';
const TENCENT_ORIGIN = 'https://tencent.emulator.test';
const ADMIN_TOKEN = 'example-admin-token';
const CALLBACK_TOKEN = generateCallbackToken();

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}
const report = (line) => console.log(`  ✓ ${line}`);

/** Copies a request or response body and head between Node's fetch classes and miniflare's. */
const copy = async (from) => ({
  status: from.status,
  headers: [...from.headers],
  body: from.body === null ? null : await from.arrayBuffer(),
});

let mf;
// Callbacks from "Tencent" (the emulator) go into workerd.
const emulator = createEmulator({
  tencent: {
    sdkAppId: SDK_APP_ID,
    secretKey: SECRET_KEY,
    admins: ['administrator'],
    callbackFetch: async (input, init) => {
      const request = new Request(input, init);
      const { headers, body } = await copy(request);
      const answer = await mf.dispatchFetch(request.url, { method: request.method, headers, body });
      const copied = await copy(answer);
      return new Response(copied.body, { status: copied.status, headers: copied.headers });
    },
  },
});

mf = new Miniflare({
  modules: true,
  scriptPath: await buildWorker(),
  compatibilityDate: '2025-07-18',
  bindings: {
    TENCENT_SDK_APP_ID: String(SDK_APP_ID),
    TENCENT_SECRET_KEY: SECRET_KEY,
    TENCENT_ADMIN: 'administrator',
    TENCENT_BASE_URL: TENCENT_ORIGIN,
    TENCENT_CALLBACK_TOKEN: CALLBACK_TOKEN,
    ADMIN_TOKEN,
    GIFT_COIN_LIMIT: '500',
  },
  // The worker's fetches to the Tencent REST API reach the emulator.
  outboundService: async (request) => {
    const { headers, body } = await copy(request);
    const answer = await emulator.fetch(new Request(request.url, { method: request.method, headers, body }));
    const copied = await copy(answer);
    return new MiniflareResponse(copied.body, { status: copied.status, headers: copied.headers });
  },
});

const post = (path, body, headers = {}) =>
  mf.dispatchFetch(`${WORKER_ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

try {
  await mf.ready;
  console.log(`tokenwire in workerd (miniflare 3) — worker at ${WORKER_ORIGIN}, Tencent emulator in Node behind outboundService`);

  // 1. The worker configures its own callback URL and token through the Tencent REST API (from inside workerd).
  const refused = await post('/admin/configure-callbacks', { url: `${WORKER_ORIGIN}/tencent/callback` }, { authorization: 'Bearer wrong' });
  check(refused.status === 401, `configure without the admin token answered ${refused.status}`);
  await refused.arrayBuffer();
  const configured = await post(
    '/admin/configure-callbacks',
    { url: `${WORKER_ORIGIN}/tencent/callback` },
    { authorization: `Bearer ${ADMIN_TOKEN}` },
  );
  const outcome = await configured.json();
  check(configured.status === 200 && outcome.outcome === 'created', `configure answered ${configured.status} ${JSON.stringify(outcome)}`);
  const admin = createTencentClient({
    sdkAppId: SDK_APP_ID,
    identifier: 'administrator',
    secretKey: SECRET_KEY,
    baseUrl: TENCENT_ORIGIN,
    fetch: emulator.fetch,
  });
  const callback = await getCallback(admin);
  const token = await getCallbackToken(admin);
  check(
    callback.url === `${WORKER_ORIGIN}/tencent/callback` && callback.commands.length === 3,
    'the callback configuration is not what the worker set',
  );
  check(token.token === CALLBACK_TOKEN && token.enabled, "the callback token is not the worker's");
  report(
    `worker configured its callbacks (${outcome.outcome}: ${outcome.commands.length} commands, token enabled); admin token required (401 without)`,
  );

  // 2. Tencent's signed callbacks, verified inside workerd; the gift policy blocks the big gift.
  const created = await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', {
    Operator_Account: 'host-ada',
    RoomInfo: { RoomId: 'room-edge', RoomType: 'Live' },
    EventTime: Date.now(),
  });
  check(created.attempted && created.accepted, `the room callback was not accepted: ${JSON.stringify(created)}`);
  const gift = (coins) => ({
    Operator_Account: 'fan-1',
    RoomId: 'room-edge',
    GiftWater: {
      From_Account: 'fan-1',
      To_Account: ['host-ada'],
      Time: Math.floor(Date.now() / 1000),
      GiftId: 'rocket',
      Count: 1,
      Coins: coins,
    },
  });
  const small = await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', gift(100));
  const big = await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', gift(9_000));
  check(small.attempted && small.accepted, 'the small gift was blocked');
  check(
    big.attempted && big.delivered && big.refused && big.body?.ActionStatus === 'OK' && big.body?.ErrorCode === 1001,
    `the big gift was not blocked: ${JSON.stringify(big)}`,
  );
  report('callbacks verified in workerd: room created ✓, 100-coin gift allowed, 9,000-coin gift blocked (ErrorCode 1001)');

  const requestTime = Math.floor(Date.now() / 1000);
  const forged = await mf.dispatchFetch(
    `${WORKER_ORIGIN}/tencent/callback?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterCreateRoom&Sign=${signCallback({ token: 'guessed', requestTime })}&RequestTime=${requestTime}`,
    { method: 'POST', body: JSON.stringify({ Operator_Account: 'mallory', RoomInfo: { RoomId: 'room-x' }, EventTime: Date.now() }) },
  );
  const reason = await forged.text();
  check(forged.status === 401 && reason === 'signature_mismatch', `the forged callback answered ${forged.status} ${reason}`);
  report('forged callback refused in workerd: HTTP 401 signature_mismatch');

  // 3. UserSig minting: the worker signs, Node verifies with the same key.
  const minted = await post('/usersig', { userId: 'alice' });
  const { userSig, expiresInSeconds } = await minted.json();
  const document = verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'alice' });
  check(
    minted.status === 200 && document.expire === expiresInSeconds && decodeUserSig(userSig).identifier === 'alice',
    'the minted UserSig is wrong',
  );
  const bad = await post('/usersig', { userId: '' });
  check(bad.status === 400, 'an empty userId was accepted');
  await bad.arrayBuffer();
  report(`UserSig minted in workerd for alice (valid ${expiresInSeconds / 60} min), verified in Node; bad userId → 400`);

  console.log('worker example: all checks passed');
} catch (error) {
  console.error('worker example FAILED:', error);
  process.exitCode = 1;
} finally {
  await mf.dispose();
  emulator.close();
}
