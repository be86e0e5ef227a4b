// @ts-check
// tokenwire on Node: sign an admin UserSig, configure the LiveKit callback URL and token with live-config,
// receive a signed callback on a node:http server and verify it, refuse a forged one, and hold an AICC chat with
// the robot — all against the emulator served over HTTP on 127.0.0.1. Prints a short report; exits 0 only when
// every check passed.
import { createServer } from 'node:http';
import { applyToken, createAiccClient, createAiccSession } from '@tokenwire/aicc-messaging';
import { CallbackSignatureError, createTencentClient, genUserSig, signCallback, verifyUserSig } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { serveEmulator } from '@tokenwire/emulator/serve';
import {
  callbackAck,
  generateCallbackToken,
  getCallback,
  getCallbackToken,
  setCallbackToken,
  upsertCallback,
  verifyLiveCallback,
} from '@tokenwire/live-config';

const SDK_APP_ID = 1400000000;
const SECRET_KEY = 'example-secret-key-not-a-real-one';
const AICC = { appKey: 'example-app-key', appSecret: 'example-app-secret', channelId: 'web-channel' };
const GIFT_LIMIT = 500;

/** @param {unknown} condition @param {string} message @returns {asserts condition} */
function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}
/** @param {string} line */
const report = (line) => console.log(`  ✓ ${line}`);

// --- The emulator (a stand-in for Tencent and AICC), served over HTTP on a free port of 127.0.0.1.
const emulator = createEmulator({
  tencent: { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: ['administrator'] },
  aicc: { appKey: AICC.appKey, appSecret: AICC.appSecret, channels: [AICC.channelId], pollHoldMs: 200 },
});
const served = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });

// --- A callback receiver, the way a Node server takes callbacks: raw body bytes, verified before use.
/** @type {string[]} */
let tokens = [];
/** @type {import('@tokenwire/live-config').LiveCallbackEvent[]} */
const received = [];
const receiver = createServer((request, response) => {
  /** @type {Buffer[]} */
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const event = await verifyLiveCallback(
        { url: request.url ?? '/', body: new Uint8Array(Buffer.concat(chunks)) },
        { sdkAppId: SDK_APP_ID, tokens },
      );
      received.push(event);
      let ack = callbackAck();
      if (event.known && event.command === 'Live.CallbackBeforeSendGift' && (event.body.GiftWater?.Coins ?? 0) > GIFT_LIMIT) {
        // A refusal: ActionStatus OK with a non-zero ErrorCode blocks the gift.
        ack = callbackAck({ kind: 'refuse', errorCode: 1001, errorInfo: `gifts are limited to ${GIFT_LIMIT} coins` });
      }
      response.writeHead(ack.status, { 'content-type': 'application/json' }).end(await ack.text());
    } catch (error) {
      if (!CallbackSignatureError.isInstance(error)) throw error;
      response.writeHead(401, { 'content-type': 'text/plain' }).end(error.reason);
    }
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = receiver.address();
check(address !== null && typeof address === 'object', 'the receiver did not listen');
const callbackUrl = `http://127.0.0.1:${address.port}/tencent/callback`;

try {
  console.log(`tokenwire on Node ${process.version} — emulator at ${served.url}, receiver at ${callbackUrl}`);

  // 1. An admin UserSig, signed locally and verified back.
  const userSig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'administrator', expireSeconds: 3600 });
  const document = verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'administrator' });
  check(document.identifier === 'administrator' && document.expire === 3600, 'the UserSig document does not match what was signed');
  report(`admin UserSig signed and verified (${userSig.length} characters, valid ${document.expire / 60} min)`);

  // 2. Callback URL and token through the Tencent REST API (the emulator), read back.
  const client = createTencentClient({ sdkAppId: SDK_APP_ID, identifier: 'administrator', secretKey: SECRET_KEY, baseUrl: served.url });
  const commands = ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'];
  const outcome = await upsertCallback(client, { url: callbackUrl, commands });
  const token = generateCallbackToken();
  await setCallbackToken(client, { token, enabled: true });
  tokens = [token];
  const configured = await getCallback(client);
  const tokenConfiguration = await getCallbackToken(client);
  check(configured.url === callbackUrl && configured.commands.length === commands.length, 'get_callback does not return the configuration');
  check(tokenConfiguration.token === token && tokenConfiguration.enabled, 'get_callback_token does not return the token');
  report(`callback ${outcome}: ${commands.length} commands → ${callbackUrl}; token set and enabled (${token.length} characters)`);

  // 3. Tencent (the emulator) posts signed callbacks; the receiver verifies them and answers.
  const created = await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', {
    Operator_Account: 'host-ada',
    RoomInfo: { RoomId: 'room-1', RoomName: 'Node example', RoomType: 'Live', Owner_Account: 'host-ada' },
    EventTime: Date.now(),
  });
  check(created.attempted && created.accepted, `the room callback was not accepted: ${JSON.stringify(created)}`);
  const event = received.at(-1);
  check(
    event?.known === true && event.command === 'Live.CallbackAfterCreateRoom' && event.signed && event.body.RoomInfo.RoomId === 'room-1',
    'the receiver did not get the signed room event',
  );
  report(`Live.CallbackAfterCreateRoom delivered, signature verified, RoomId ${event.body.RoomInfo.RoomId}, acknowledged`);

  /** @param {number} coins */
  const gift = (coins) => ({
    Operator_Account: 'fan-1',
    RoomId: 'room-1',
    GiftWater: {
      From_Account: 'fan-1',
      To_Account: ['host-ada'],
      Time: Math.floor(Date.now() / 1000),
      GiftId: 'rocket',
      Count: 1,
      Coins: coins,
    },
  });
  const smallGift = await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', gift(10));
  const bigGift = await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', gift(10_000));
  check(smallGift.attempted && smallGift.accepted, 'the small gift was blocked');
  check(bigGift.attempted && bigGift.delivered && bigGift.refused, 'the gift over the limit was not blocked');
  report(`Live.CallbackBeforeSendGift: 10 coins allowed, 10,000 coins blocked (ErrorCode 1001)`);

  // 4. A forged callback (signed with a token the receiver does not have) is refused.
  const requestTime = Math.floor(Date.now() / 1000);
  const forged = await fetch(
    `${callbackUrl}?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterCreateRoom&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI` +
      `&Sign=${signCallback({ token: 'not-the-token', requestTime })}&RequestTime=${requestTime}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Operator_Account: 'mallory', RoomInfo: { RoomId: 'room-x' }, EventTime: Date.now() }),
    },
  );
  const reason = await forged.text();
  check(forged.status === 401 && reason === 'signature_mismatch', `the forged callback was not refused (${forged.status} ${reason})`);
  check(received.length === 3, 'the forged callback reached the handler');
  report('forged callback refused: HTTP 401 signature_mismatch');

  // 5. AICC: AccessToken and ccmessaging-token, then a chat round trip with the robot.
  const aicc = createAiccClient({ baseUrl: served.url, appKey: AICC.appKey, appSecret: AICC.appSecret });
  const user = { userId: 'node-user', userName: 'Ada', channelId: AICC.channelId, locale: 'en' };
  const messageToken = await applyToken(aicc, user);
  check(
    messageToken.token.length > 0 && messageToken.expiresAtMs - messageToken.obtainedAtMs === 3_600_000,
    'applyToken did not return a 1-hour token',
  );
  report('AICC applyToken: ccmessaging-token valid 60 min');

  const session = createAiccSession(aicc, { ...user, pollTimeoutMs: 5_000 });
  const connected = await session.connect();
  check(connected.resultCode === '0', `CONNECT answered ${connected.resultCode}`);
  const question = 'How can I track my order?';
  const sent = await session.send(question);
  check(sent.resultCode === '0', `send answered ${sent.resultCode}`);
  let answer;
  for (let attempt = 0; attempt < 10 && answer === undefined; attempt++) {
    const { messages } = await session.poll();
    answer = messages.find((message) => message.sourceType === 'ROBOT' && /tracking/i.test(String(message.content)));
  }
  check(answer !== undefined, 'the robot did not answer the question');
  await session.disconnect();
  check(emulator.state.aicc?.sessions.get(user.userId)?.status === 'closed', 'the session was not closed');
  report(`AICC chat: "${question}" → robot: "${String(answer.content)}"`);

  console.log('node example: all checks passed');
} catch (error) {
  console.error('node example FAILED:', error);
  process.exitCode = 1;
} finally {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(() => resolve(undefined)));
  await served.close();
  emulator.close();
}
