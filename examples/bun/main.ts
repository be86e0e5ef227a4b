// tokenwire on Bun: a Tencent client with logging hooks that rides out an injected transient failure, callback
// configuration, a receiver on Bun.serve, a callback-token rotation without refusing a single callback, and an AICC
// chat read through the session's message stream — against the emulator served with Bun.serve on 127.0.0.1
// (`@tokenwire/emulator/serve` picks the Bun server through its `bun` export condition). Prints a short report;
// exits 0 only when every check passed.
import { createAiccClient, createAiccSession } from '@tokenwire/aicc-messaging';
import { CallbackSignatureError, createTencentClient, signCallback } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { serveEmulator } from '@tokenwire/emulator/serve';
import {
  callbackAck,
  generateCallbackToken,
  getCallbackToken,
  rotateCallbackToken,
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

// The callback receiver on Bun.serve: the web Request goes straight into verifyLiveCallback.
let tokens: string[] = [];
const accepted: string[] = [];
const receiver = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  async fetch(request) {
    try {
      const event = await verifyLiveCallback(request, { sdkAppId: SDK_APP_ID, tokens });
      accepted.push(event.command);
      return callbackAck();
    } catch (error) {
      if (CallbackSignatureError.isInstance(error)) return new Response(error.reason, { status: 401 });
      throw error;
    }
  },
});
const callbackUrl = `http://127.0.0.1:${receiver.port}/tencent/callback`;

/** Posts a callback signed with `token` the way Tencent does, straight to the receiver. */
async function postSigned(token: string, roomId: string): Promise<{ status: number; text: string }> {
  const requestTime = Math.floor(Date.now() / 1000);
  const response = await fetch(
    `${callbackUrl}?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterCreateRoom&contenttype=json&Sign=${signCallback({ token, requestTime })}&RequestTime=${requestTime}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Operator_Account: 'host-ada', RoomInfo: { RoomId: roomId }, EventTime: Date.now() }),
    },
  );
  return { status: response.status, text: await response.text() };
}

try {
  console.log(`tokenwire on Bun ${Bun.version} — emulator at ${served.url}, receiver at ${callbackUrl}`);
  const serveModule = import.meta.resolve('@tokenwire/emulator/serve');
  check(serveModule.endsWith('/dist/serve.js'), `the emulator's Bun server was not picked: ${serveModule}`);

  // 1. A client whose hooks log every attempt; the emulator fails the first set_callback_token once (100001).
  const log: string[] = [];
  const client = createTencentClient({
    sdkAppId: SDK_APP_ID,
    identifier: 'administrator',
    secretKey: SECRET_KEY,
    baseUrl: served.url,
    hooks: {
      onResponse: (event) =>
        log.push(`${event.service}/${event.command} #${event.attempt} ${event.error ? event.error.name : 'ok'} ${event.url}`),
      onRetry: (event) => log.push(`retry ${event.command} after ${event.delayMs} ms ${event.url}`),
    },
  });
  const fault = emulator.faults.add({ route: 'live_config/set_callback_token', fault: { kind: 'transient' }, times: 1 });

  const commands = ['Live.CallbackAfterCreateRoom'];
  await upsertCallback(client, { url: callbackUrl, commands });
  const firstToken = generateCallbackToken();
  await setCallbackToken(client, { token: firstToken, enabled: true });
  tokens = [firstToken];
  check(fault.fired === 1 && log.some((line) => line.startsWith('retry set_callback_token')), 'the transient failure was not retried');
  check((await getCallbackToken(client)).token === firstToken, 'the token was not stored after the retry');
  check(
    log.every((line) => line.includes('usersig=***') && !line.includes(SECRET_KEY)),
    'a logged URL carries a secret',
  );
  report(`callback + token configured; 1 injected 100001 retried; ${log.length} logged attempts, UserSig redacted in all`);

  // 2. A signed callback from "Tencent" arrives and verifies.
  const first = await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', {
    Operator_Account: 'host-ada',
    RoomInfo: { RoomId: 'room-bun' },
    EventTime: Date.now(),
  });
  check(first.attempted && first.accepted, 'the signed callback was not accepted');
  report('Live.CallbackAfterCreateRoom delivered and verified on Bun.serve');

  // 3. Token rotation: receivers learn the next token first, Tencent switches, the old one is dropped later.
  const nextToken = generateCallbackToken();
  tokens = [firstToken, nextToken];
  const rotation = await rotateCallbackToken(client, { token: nextToken });
  check(rotation.previous === firstToken && rotation.current === nextToken, 'the rotation did not switch tokens');
  const during = await postSigned(firstToken, 'room-in-flight'); // signed just before the switch
  const fresh = await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', {
    Operator_Account: 'host-ada',
    RoomInfo: { RoomId: 'room-new' },
    EventTime: Date.now(),
  });
  check(during.status === 200 && fresh.attempted && fresh.accepted, 'a callback was refused during the overlap');
  tokens = [nextToken];
  const after = await postSigned(firstToken, 'room-late');
  check(after.status === 401 && after.text === 'signature_mismatch', 'the old token was still accepted after the overlap');
  check(accepted.length === 3, `expected 3 accepted callbacks, got ${accepted.length}`);
  report('token rotated: old and new token accepted during the overlap, the old one refused afterwards');

  // 4. AICC chat, read through the session's message stream.
  const aicc = createAiccClient({ baseUrl: served.url, appKey: AICC.appKey, appSecret: AICC.appSecret });
  const session = createAiccSession(aicc, {
    userId: 'bun-user',
    userName: 'Ada',
    channelId: AICC.channelId,
    locale: 'en',
    pollTimeoutMs: 5_000,
  });
  check((await session.connect()).resultCode === '0', 'CONNECT failed');
  const question = 'How can I track my order?';
  check((await session.send(question)).resultCode === '0', 'send failed');
  let answer: string | undefined;
  for await (const message of session.messages({ signal: AbortSignal.timeout(10_000) })) {
    if (message.sourceType === 'ROBOT' && /tracking/i.test(String(message.content))) {
      answer = String(message.content);
      break;
    }
  }
  check(answer !== undefined, 'the robot did not answer');
  await session.disconnect();
  report(`AICC chat: "${question}" → robot: "${answer}"`);

  console.log('bun example: all checks passed');
} catch (error) {
  console.error('bun example FAILED:', error);
  process.exitCode = 1;
} finally {
  receiver.stop(true);
  await served.close();
  emulator.close();
}
