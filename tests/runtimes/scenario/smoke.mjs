// The one smoke scenario every runtime runs: Node, Deno, Bun, workerd and Chromium. Plain ESM that imports the
// packages by name, so each runtime resolves their BUILT ESM entry points (dist/index.js) through the exports map
// (Node, Deno, Bun), or gets them bundled from there by esbuild (workerd, Chromium). Web-standard APIs only.
//
// runSmoke() returns plain JSON that must be identical everywhere: every value in it is deterministic (fixed
// clocks, fixed vectors, the emulator's scripted robot); tokens and ids are reduced to their shape.
import {
  TokenwireError,
  createTencentClient,
  decodeUserSig,
  genUserSig,
  signCallback,
  verifyCallback,
  verifyUserSig,
} from '@tokenwire/core';
import { getCallback, getCallbackToken, setCallback, setCallbackToken } from '@tokenwire/live-config';
import { applyToken, createAiccClient, createAiccSession } from '@tokenwire/aicc-messaging';
import { AICC, TENCENT } from './fixture.mjs';

/** Which runtime this is, detected from its globals (not trusted by the tests: they compare it to what they ran). */
export function detectRuntime() {
  if (typeof globalThis.Deno !== 'undefined') return 'deno';
  if (typeof globalThis.Bun !== 'undefined') return 'bun';
  if (typeof globalThis.navigator !== 'undefined' && globalThis.navigator.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (typeof globalThis.window !== 'undefined' && typeof globalThis.document !== 'undefined') return 'browser';
  if (typeof globalThis.process !== 'undefined' && globalThis.process.versions?.node) return 'node';
  return 'unknown';
}

/** What a caught error looks like, in the terms the public API promises. */
function describeError(error, secrets = []) {
  if (!(error instanceof Error)) return { thrown: String(error) };
  const text = `${error.message} ${JSON.stringify(error)}`;
  return {
    name: error.name,
    tokenwireError: TokenwireError.isInstance(error),
    ...(error.reason === undefined ? {} : { reason: error.reason }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.retryable === undefined ? {} : { retryable: error.retryable }),
    leaksSecret: secrets.some((secret) => text.includes(secret)),
  };
}

function failureOf(action, secrets) {
  try {
    action();
  } catch (error) {
    return describeError(error, secrets);
  }
  return 'did not throw';
}

async function asyncFailureOf(action, secrets) {
  try {
    await action();
  } catch (error) {
    return describeError(error, secrets);
  }
  return 'did not throw';
}

function userSigSection() {
  const issuedAt = () => 1_700_000_000_000;
  const options = {
    sdkAppId: TENCENT.sdkAppId,
    secretKey: TENCENT.secretKey,
    identifier: 'xiaojun',
    expireSeconds: 15_552_000,
    now: issuedAt,
  };
  const userSig = genUserSig(options);
  const verified = verifyUserSig(userSig, {
    sdkAppId: TENCENT.sdkAppId,
    secretKey: TENCENT.secretKey,
    identifier: 'xiaojun',
    now: issuedAt,
  });
  const otherKey = 'f'.repeat(64);
  return {
    decoded: decodeUserSig(userSig),
    verified,
    failures: {
      wrongKey: failureOf(
        () => verifyUserSig(userSig, { sdkAppId: TENCENT.sdkAppId, secretKey: otherKey, now: issuedAt }),
        [TENCENT.secretKey, otherKey],
      ),
      expired: failureOf(
        () => verifyUserSig(userSig, { sdkAppId: TENCENT.sdkAppId, secretKey: TENCENT.secretKey, now: () => 1_715_552_001_000 }),
        [TENCENT.secretKey],
      ),
      wrongIdentifier: failureOf(
        () =>
          verifyUserSig(userSig, { sdkAppId: TENCENT.sdkAppId, secretKey: TENCENT.secretKey, identifier: 'someone-else', now: issuedAt }),
        [TENCENT.secretKey],
      ),
      tampered: failureOf(
        () =>
          verifyUserSig(`${userSig.slice(0, 20)}x${userSig.slice(21)}`, {
            sdkAppId: TENCENT.sdkAppId,
            secretKey: TENCENT.secretKey,
            now: issuedAt,
          }),
        [TENCENT.secretKey],
      ),
    },
  };
}

function callbackSignatureSection() {
  // The official vector (reference: tencent-rest.md §3.2).
  const requestTime = 1_669_872_112;
  const at = (seconds) => () => seconds * 1000;
  const sign = signCallback({ token: 'xxxxyyyy', requestTime });
  const accepts = (options) => {
    verifyCallback(options);
    return true;
  };
  return {
    sign,
    accepted: accepts({ tokens: 'xxxxyyyy', sign, requestTime: String(requestTime), now: at(requestTime + 30) }),
    acceptedDuringRotation: accepts({
      tokens: ['new-token-0001', 'xxxxyyyy'],
      sign,
      requestTime: String(requestTime),
      now: at(requestTime),
    }),
    failures: {
      wrongToken: failureOf(
        () => verifyCallback({ tokens: 'xxxxyyyz', sign, requestTime: String(requestTime), now: at(requestTime) }),
        ['xxxxyyyz'],
      ),
      stale: failureOf(
        () => verifyCallback({ tokens: 'xxxxyyyy', sign, requestTime: String(requestTime), now: at(requestTime + 61) }),
        ['xxxxyyyy'],
      ),
    },
  };
}

async function liveConfigSection(emulatorUrl) {
  const client = createTencentClient({
    sdkAppId: TENCENT.sdkAppId,
    identifier: 'administrator',
    secretKey: TENCENT.secretKey,
    baseUrl: emulatorUrl,
    retry: false,
  });
  const callbackUrl = 'https://hooks.example.test/tencent';
  const commands = ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'];
  const token = 'SmokeToken0123456789';
  const beforeSet = await asyncFailureOf(() => getCallback(client), [TENCENT.secretKey]);
  await setCallback(client, { url: callbackUrl, commands });
  const callback = await getCallback(client);
  await setCallbackToken(client, { token, enabled: true });
  const callbackToken = await getCallbackToken(client);
  // The emulator verifies the UserSig this runtime generated: a wrong key is refused by the server (70009).
  const wrongKeyClient = createTencentClient({
    sdkAppId: TENCENT.sdkAppId,
    identifier: 'administrator',
    secretKey: 'e'.repeat(64),
    baseUrl: emulatorUrl,
    retry: false,
  });
  const wrongKey = await asyncFailureOf(() => getCallback(wrongKeyClient), [TENCENT.secretKey, 'e'.repeat(64)]);
  return { beforeSet, callback, callbackToken, wrongKey };
}

async function aiccSection(emulatorUrl, userId) {
  const client = createAiccClient({ baseUrl: emulatorUrl, appKey: AICC.appKey, appSecret: AICC.appSecret, retry: false });
  const accessToken = await client.accessTokens.get(); // tokenByAkSk
  const user = { userId, userName: 'Ada', channelId: AICC.channels[0], locale: 'en' };
  const applied = await applyToken(client, user);
  const session = createAiccSession(client, { ...user, pollTimeoutMs: 10_000 });
  await session.connect();
  const sent = await session.send('I forgot my password');
  // Poll until the server has nothing more: the robot's greeting on CONNECT, then its answer to the message.
  const received = [];
  for (let round = 0; round < 10; round++) {
    const { messages } = await session.poll();
    if (messages.length === 0 && received.length > 0) break;
    received.push(...messages);
  }
  await session.disconnect();
  const badSecret = createAiccClient({ baseUrl: emulatorUrl, appKey: AICC.appKey, appSecret: 'not-the-secret', retry: false });
  const rejected = await asyncFailureOf(() => applyToken(badSecret, user), [AICC.appSecret, 'not-the-secret', accessToken, applied.token]);
  return {
    accessToken: typeof accessToken === 'string' && accessToken.length > 0,
    messageToken: {
      isString: typeof applied.token === 'string' && applied.token.length > 0,
      lifetimeMs: applied.expiresAtMs - applied.obtainedAtMs,
    },
    sentKeys: Object.keys(sent).sort(),
    received: received.map((message) => ({ sourceType: message.sourceType, mediaType: message.mediaType, content: message.content })),
    rejected,
  };
}

/**
 * Runs the scenario against the emulator served at `emulatorUrl`. `userId` names this run's AICC user, so the
 * test can find the chat in the emulator's state.
 */
export async function runSmoke({ emulatorUrl, userId = 'smoke-user' }) {
  return {
    runtime: detectRuntime(),
    userSig: userSigSection(),
    callbackSignature: callbackSignatureSection(),
    liveConfig: await liveConfigSection(emulatorUrl),
    aicc: await aiccSection(emulatorUrl, userId),
  };
}
