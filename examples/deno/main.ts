// tokenwire on Deno: configure the LiveKit callback URL and token with live-config, receive the signed callbacks
// on Deno.serve (the web Request goes straight into verifyLiveCallback), refuse a forged one, check an admin
// UserSig, and hold an AICC chat with the robot — against the emulator served with Deno.serve on 127.0.0.1
// (`@tokenwire/emulator/serve` picks the Deno server through its `deno` export condition). Prints a short report;
// exits 0 only when every check passed.
import { applyToken, createAiccClient, createAiccSession, type DownlinkMessage } from '@tokenwire/aicc-messaging';
import { CallbackSignatureError, createTencentClient, decodeUserSig, genUserSig, signCallback, verifyUserSig } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { serveEmulator } from '@tokenwire/emulator/serve';
import {
  callbackAck,
  generateCallbackToken,
  getCallback,
  getCallbackToken,
  type LiveCallbackEvent,
  setCallbackToken,
  upsertCallback,
  verifyLiveCallback,
} from '@tokenwire/live-config';

const SDK_APP_ID = 1400000000;
const SECRET_KEY = 'example-secret-key-not-a-real-one';
const AICC = { appKey: 'example-app-key', appSecret: 'example-app-secret', channelId: 'web-channel' };

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`check failed: ${message}`);
}
const report = (line: string) => console.log(`  ✓ ${line}`);

const emulator = createEmulator({
  tencent: { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: ['administrator'] },
  aicc: { appKey: AICC.appKey, appSecret: AICC.appSecret, channels: [AICC.channelId], pollHoldMs: 200 },
});
const served = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });

// The callback receiver: Deno.serve hands over a web Request, whose unread body verifyLiveCallback reads once.
let tokens: string[] = [];
const received: LiveCallbackEvent[] = [];
const receiver = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, async (request) => {
  try {
    received.push(await verifyLiveCallback(request, { sdkAppId: SDK_APP_ID, tokens }));
    return callbackAck();
  } catch (error) {
    if (CallbackSignatureError.isInstance(error)) return new Response(error.reason, { status: 401 });
    throw error;
  }
});
const callbackUrl = `http://127.0.0.1:${receiver.addr.port}/tencent/callback`;

try {
  console.log(`tokenwire on Deno ${Deno.version.deno} — emulator at ${served.url}, receiver at ${callbackUrl}`);
  const serveModule = import.meta.resolve('@tokenwire/emulator/serve');
  check(serveModule.endsWith('/dist/serve.js'), `the emulator's Deno server was not picked: ${serveModule}`);

  // 1. The admin UserSig the client will sign its requests with, checked locally.
  const userSig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'administrator', expireSeconds: 86_400 });
  const document = verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'administrator' });
  check(
    decodeUserSig(userSig).signature === document.signature && document.expire === 86_400,
    'the UserSig does not decode to what was signed',
  );
  let wrongKey: unknown;
  try {
    verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, secretKey: 'another-secret-key', identifier: 'administrator' });
  } catch (error) {
    wrongKey = error;
  }
  check((wrongKey as { reason?: string } | undefined)?.reason === 'signature_mismatch', 'a UserSig verified with another key was accepted');
  report('admin UserSig signed, verified, and refused under another key (signature_mismatch)');

  // 2. Callback URL and token through the Tencent REST API (the emulator), read back.
  const client = createTencentClient({ sdkAppId: SDK_APP_ID, identifier: 'administrator', userSig, baseUrl: served.url });
  const commands = ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterMemberStateChanged'];
  await upsertCallback(client, { url: callbackUrl, commands });
  const token = generateCallbackToken();
  await setCallbackToken(client, { token, enabled: true });
  tokens = [token];
  check((await getCallback(client)).url === callbackUrl, 'get_callback does not return the URL');
  check((await getCallbackToken(client)).token === token, 'get_callback_token does not return the token');
  report(`callback configured: ${commands.join(', ')} → Deno.serve receiver; token enabled`);

  // 3. Signed callbacks arrive and verify; a forged one is refused.
  const created = await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', {
    Operator_Account: 'host-ada',
    RoomInfo: { RoomId: 'room-deno', RoomType: 'Live' },
    EventTime: Date.now(),
  });
  const joined = await emulator.tencent.emitCallback('Live.CallbackAfterMemberStateChanged', {
    RoomId: 'room-deno',
    EventType: 'Online',
    EventCause: 'Enter',
    MemberList: [{ Member_Account: 'viewer-1' }, { Member_Account: 'viewer-2' }],
    EventTime: Date.now(),
  });
  check(created.attempted && created.accepted && joined.attempted && joined.accepted, 'a signed callback was not accepted');
  const [roomEvent, memberEvent] = received;
  check(
    roomEvent?.known && roomEvent.command === 'Live.CallbackAfterCreateRoom' && roomEvent.body.RoomInfo.RoomId === 'room-deno',
    'the room event is wrong',
  );
  check(
    memberEvent?.known && memberEvent.command === 'Live.CallbackAfterMemberStateChanged' && memberEvent.body.MemberList?.length === 2,
    'the member event is wrong',
  );
  report(
    `2 signed callbacks verified: room ${roomEvent.body.RoomInfo.RoomId} created, ${memberEvent.body.MemberList?.length} members online`,
  );

  const requestTime = Math.floor(Date.now() / 1000);
  const forged = await fetch(
    `${callbackUrl}?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterCreateRoom&Sign=${signCallback({ token: 'guessed', requestTime })}&RequestTime=${requestTime}`,
    { method: 'POST', body: JSON.stringify({ Operator_Account: 'mallory', RoomInfo: { RoomId: 'room-x' }, EventTime: Date.now() }) },
  );
  check(
    forged.status === 401 && (await forged.text()) === 'signature_mismatch' && received.length === 2,
    'the forged callback was not refused',
  );
  report('forged callback refused: HTTP 401 signature_mismatch');

  // 4. AICC: tokens, then a chat round trip with the robot.
  const aicc = createAiccClient({ baseUrl: served.url, appKey: AICC.appKey, appSecret: AICC.appSecret });
  const user = { userId: 'deno-user', userName: 'Ada', channelId: AICC.channelId, locale: 'en' };
  const messageToken = await applyToken(aicc, user);
  check(messageToken.expiresAtMs > Date.now(), 'applyToken returned an expired token');
  const session = createAiccSession(aicc, { ...user, pollTimeoutMs: 5_000 });
  check((await session.connect()).resultCode === '0', 'CONNECT failed');
  const question = 'How can I track my order?';
  check((await session.send(question)).resultCode === '0', 'send failed');
  let answer: DownlinkMessage | undefined;
  for (let attempt = 0; attempt < 10 && answer === undefined; attempt++) {
    const { messages } = await session.poll();
    answer = messages.find((message) => message.sourceType === 'ROBOT' && /tracking/i.test(String(message.content)));
  }
  check(answer !== undefined, 'the robot did not answer');
  await session.disconnect();
  report(`AICC chat: "${question}" → robot: "${String(answer.content)}"`);

  console.log('deno example: all checks passed');
} catch (error) {
  console.error('deno example FAILED:', error);
  Deno.exitCode = 1;
} finally {
  await receiver.shutdown();
  await served.close();
  emulator.close();
}
