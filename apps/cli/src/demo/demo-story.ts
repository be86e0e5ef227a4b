import { applyToken, createAiccClient, createAiccSession, type DownlinkMessage } from '@tokenwire/aicc-messaging';
import { createTencentClient, decodeUserSig, genUserSig, REDACTED, signCallback, verifyUserSig, type TencentClient } from '@tokenwire/core';
import { callbackSample, type FaultRule } from '@tokenwire/emulator';
import { serveEmulator, type ServedEmulator } from '@tokenwire/emulator/serve';
import {
  generateCallbackToken,
  getCallback,
  getCallbackToken,
  rotateCallbackToken,
  setCallbackToken,
  upsertCallback,
} from '@tokenwire/live-config';
import { CheckFailedError } from '../check-failed-error.js';
import type { SecretRegistry } from '../config/secret-registry.js';
import { createCliEmulator, EMULATOR_DEFAULTS, randomSecret, type CliEmulator } from '../emulator-setup.js';
import { humanDuration } from '../output/format.js';
import { CallbackReceiver, type ReceivedCallback } from './callback-receiver.js';
import type { DemoReport } from './demo-report.js';

/** The steps of the story, in order (the report numbers them). */
export const DEMO_STEP_COUNT = 11;

/** What the demo needs from the CLI run. */
export interface DemoContext {
  readonly report: DemoReport;
  readonly secrets: SecretRegistry;
  /** Aborted on Ctrl-C: the running step stops and everything opened is closed. */
  readonly signal: AbortSignal;
  /** Faults to inject into the emulator (`--inject-fault`), to show how failures are reported. */
  readonly faults?: readonly FaultRule[];
}

/** Where the demo's servers listened, for the JSON report. */
export interface DemoEndpoints {
  emulatorUrl?: string;
  receiverUrl?: string;
}

const CALLBACK_PATH = '/tencent/callback';
const CREATE_ROOM = 'Live.CallbackAfterCreateRoom';
const DESTROY_ROOM = 'Live.CallbackAfterDestroyRoom';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailedError(message);
}

/** Emits one callback through the emulator and returns the receiver's verdict on it. */
async function deliver(emulator: CliEmulator, receiver: CallbackReceiver, command: string, body: string | Record<string, unknown>) {
  const before = receiver.verdicts.length;
  const result = await emulator.tencent.emitCallback(command, body);
  check(result.attempted, `the emulator did not send ${command} (${result.attempted ? '' : result.reason})`);
  check(receiver.verdicts.length === before + 1, `the receiver did not get ${command}`);
  return { result, verdict: receiver.verdicts.at(-1)! };
}

/** Sends a captured callback to the receiver again, byte for byte (an in-flight or replayed callback). */
async function replay(receiver: CallbackReceiver, callback: ReceivedCallback, signal: AbortSignal) {
  const before = receiver.verdicts.length;
  const response = await fetch(callback.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: callback.body,
    signal,
  });
  await response.text();
  check(receiver.verdicts.length === before + 1, 'the receiver did not get the replayed callback');
  return { status: response.status, verdict: receiver.verdicts.at(-1)! };
}

/** A room-created body exactly as Tencent's current sample (647/64422) has it: no EventTime anywhere. */
function roomBody(roomId: string): string {
  return callbackSample(CREATE_ROOM, { dialect: '647-64422', roomId, operator: 'host-ada' }).body;
}

/** A room-destroyed body as the current sample (1071/78184) has it: RoomInfo without RoomId, and a Statistic. */
function destroyedRoomBody(roomId: string): string {
  return callbackSample(DESTROY_ROOM, { dialect: '1071-78184', roomId, operator: 'host-ada', eventTime: Date.now() }).body;
}

/** Polls until `wanted` matches a message (or the deadline passes); returns every message seen. */
async function pollUntil(
  poll: () => Promise<{ messages: readonly DownlinkMessage[] }>,
  wanted: (message: DownlinkMessage) => boolean,
  deadlineMs: number,
): Promise<{ seen: DownlinkMessage[]; match: DownlinkMessage | undefined }> {
  const seen: DownlinkMessage[] = [];
  const deadline = performance.now() + deadlineMs;
  while (performance.now() < deadline) {
    const { messages } = await poll();
    seen.push(...messages);
    const match = messages.find(wanted);
    if (match !== undefined) return { seen, match };
  }
  return { seen, match: undefined };
}

function contentText(message: DownlinkMessage): string {
  return Array.isArray(message.content) ? message.content.join(', ') : String(message.content ?? '');
}

function shorten(text: string, length = 70): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * The whole story, end to end, against the embedded emulator served over HTTP: admin UserSig → callback
 * configuration and a generated callback token, read back → a signed callback delivered to a local receiver that
 * verifies it (and refuses a forged one) → token rotation (old and new accepted during the overlap, then only the
 * new) → AICC AccessToken and `ccmessaging-token` → a chat: connect, send, the robot's reply by long poll,
 * disconnect. Every step checks its outcome against the emulator's state; the first failure throws.
 * Servers are closed on success, failure and abort.
 */
export async function runDemoStory(context: DemoContext, endpoints: DemoEndpoints): Promise<void> {
  const { report, secrets, signal } = context;
  const callOptions = { signal };
  const sdkAppId = EMULATOR_DEFAULTS.sdkAppId;
  const identifier = EMULATOR_DEFAULTS.identifier;
  const secretKey = randomSecret(secrets);
  const appSecret = randomSecret(secrets);
  const emulator = createCliEmulator({
    sdkAppId,
    identifier,
    secretKey,
    aiccAppKey: EMULATOR_DEFAULTS.aiccAppKey,
    aiccAppSecret: appSecret,
    aiccChannelId: EMULATOR_DEFAULTS.aiccChannelId,
    pollHoldMs: 250,
    robotReplyDelayMs: 60,
  });
  for (const fault of context.faults ?? []) emulator.faults.add(fault);
  const receiver = new CallbackReceiver(sdkAppId);
  let emulatorServer: ServedEmulator | undefined;
  let receiverServer: ServedEmulator | undefined;
  /** Every token the emulator issued (the session applies its own), so no echo of one can be printed. */
  const registerIssuedSecrets = (): void => {
    for (const token of emulator.aicc.state.accessTokens.keys()) secrets.add(token);
    for (const token of emulator.aicc.state.messageTokens.keys()) secrets.add(token);
  };
  const closeAll = async (): Promise<void> => {
    emulator.close();
    await Promise.all([emulatorServer?.close(), receiverServer?.close()]);
  };

  try {
    await report.step('Start the emulator and a callback receiver on 127.0.0.1', async (step) => {
      emulatorServer = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });
      receiverServer = await serveEmulator({ fetch: receiver.fetch }, { port: 0, hostname: '127.0.0.1' });
      endpoints.emulatorUrl = emulatorServer.url;
      endpoints.receiverUrl = `${receiverServer.url}${CALLBACK_PATH}`;
      const probe = await fetch(`${emulatorServer.url}/v4/live_config/get_callback`, { method: 'POST', body: '{}', signal });
      await probe.text();
      check(probe.status === 200, `the emulator answered HTTP ${probe.status}`);
      step.note(`emulator ${emulatorServer.url} · Tencent live_config + AICC CC-Messaging`);
      step.note(`receiver ${endpoints.receiverUrl}`);
    });

    let client!: TencentClient;
    await report.step('Sign an admin UserSig and verify it', async (step) => {
      const userSig = secrets.add(genUserSig({ sdkAppId, secretKey, identifier, expireSeconds: 86_400 }));
      const document = verifyUserSig(userSig, { sdkAppId, secretKey, identifier });
      check(decodeUserSig(userSig).signature === document.signature, 'decoding and verifying disagree');
      // The client sends exactly this UserSig, so every later Tencent call proves the emulator accepts it.
      client = createTencentClient({ sdkAppId, identifier, userSig, baseUrl: emulatorServer!.url });
      step.note(
        `${identifier} · SDKAppID ${sdkAppId} · UserSig ${REDACTED} (${userSig.length} chars) · expires in ${humanDuration(document.expire)}`,
      );
    });

    const callbackUrl = endpoints.receiverUrl!;
    const commands = [CREATE_ROOM, DESTROY_ROOM];
    await report.step('Set the callback URL and commands, read them back', async (step) => {
      const outcome = await upsertCallback(client, { url: callbackUrl, commands }, callOptions);
      const readBack = await getCallback(client, callOptions);
      check(readBack.url === callbackUrl, 'get_callback returned another URL');
      check(JSON.stringify([...readBack.commands].sort()) === JSON.stringify([...commands].sort()), 'get_callback returned other commands');
      step.note(`${outcome} · ${commands.join(', ')}`);
    });

    const firstToken = secrets.add(generateCallbackToken());
    await report.step('Generate a callback token, enable signing, read it back', async (step) => {
      await setCallbackToken(client, { token: firstToken, enabled: true }, callOptions);
      const readBack = await getCallbackToken(client, callOptions);
      check(readBack.token === firstToken && readBack.enabled, 'get_callback_token returned another token or signing is off');
      check(emulator.tencent.state.callbackToken?.token === firstToken, 'the emulator does not hold the new token');
      receiver.tokens = [firstToken];
      step.note(`token ${REDACTED} (${firstToken.length} URL-safe characters) · signing enabled · receiver trusts it`);
    });

    let inFlight!: ReceivedCallback;
    await report.step('Tencent sends a signed callback; the receiver verifies it', async (step) => {
      const { result, verdict } = await deliver(emulator, receiver, CREATE_ROOM, roomBody('room-1'));
      check(verdict.accepted, `the receiver refused the callback (${verdict.accepted ? '' : verdict.reason})`);
      check(result.attempted && result.accepted, 'the emulator did not count the callback as accepted');
      const event = verdict.event;
      check(event.signed && event.command === CREATE_ROOM, 'the event is not the signed CallbackAfterCreateRoom');
      check(event.known && event.command === CREATE_ROOM && event.body.RoomInfo.RoomId === 'room-1', 'the event body lost the room id');
      inFlight = verdict.callback;
      step.note(`${CREATE_ROOM} · RoomId room-1 · Sign ${REDACTED} · RequestTime ${event.requestTime} · ack ErrorCode 0`);
    });

    await report.step('A forged callback is refused', async (step) => {
      const forgedUrl = new URL(inFlight.url);
      const requestTime = Math.floor(Date.now() / 1000);
      forgedUrl.searchParams.set('Sign', signCallback({ token: 'not-the-token', requestTime }));
      forgedUrl.searchParams.set('RequestTime', String(requestTime));
      const { status, verdict } = await replay(receiver, { url: forgedUrl.href, body: inFlight.body }, signal);
      check(!verdict.accepted && verdict.reason === 'signature_mismatch', 'the receiver accepted a forged signature');
      step.note(`signed with a token the receiver does not know → HTTP ${status} signature_mismatch`);
    });

    const nextToken = secrets.add(generateCallbackToken());
    await report.step('Rotate the token: old and new accepted during the overlap', async (step) => {
      receiver.tokens = [firstToken, nextToken]; // receivers learn the next token before the switch
      const rotation = await rotateCallbackToken(client, { token: nextToken, overlapSeconds: 300 }, callOptions);
      check(
        rotation.previous === firstToken && rotation.current === nextToken,
        'the rotation did not replace the old token with the new one',
      );
      check((await getCallbackToken(client, callOptions)).token === nextToken, 'get_callback_token does not return the new token');
      const fresh = await deliver(emulator, receiver, DESTROY_ROOM, destroyedRoomBody('room-1'));
      check(fresh.verdict.accepted, 'a callback signed with the new token was refused');
      check(fresh.verdict.event.known && fresh.verdict.event.command === DESTROY_ROOM, 'the current destroy-room sample was not typed');
      const old = await replay(receiver, inFlight, signal);
      check(old.verdict.accepted, 'the in-flight callback signed with the old token was refused during the overlap');
      step.note(
        `new-token callback ✓ · in-flight old-token callback ✓ · previous token kept ${humanDuration((rotation.keepPreviousUntilMs - rotation.rotatedAtMs) / 1000)}`,
      );
    });

    await report.step('Overlap over: only the new token is accepted', async (step) => {
      receiver.tokens = [nextToken];
      const old = await replay(receiver, inFlight, signal);
      check(
        !old.verdict.accepted && old.verdict.reason === 'signature_mismatch',
        'an old-token callback was still accepted after the overlap',
      );
      const fresh = await deliver(emulator, receiver, CREATE_ROOM, roomBody('room-2'));
      check(fresh.verdict.accepted && fresh.result.attempted && fresh.result.accepted, 'a new-token callback was refused');
      step.note(`old-token callback → HTTP ${old.status} signature_mismatch · new-token callback ✓`);
    });

    const aicc = createAiccClient({
      baseUrl: emulatorServer!.url,
      appKey: EMULATOR_DEFAULTS.aiccAppKey,
      appSecret,
      accessTokenTtlSeconds: 600,
    });
    const user = { userId: 'demo-user', userName: 'Ada', channelId: EMULATOR_DEFAULTS.aiccChannelId, locale: 'en' };
    await report.step('AICC tokens: tokenByAkSk, then applyToken', async (step) => {
      const accessToken = secrets.add(await aicc.accessTokens.get(signal));
      registerIssuedSecrets();
      const grant = aicc.accessTokens.grant;
      check(emulator.aicc.state.accessTokens.has(accessToken), 'the emulator did not issue that AccessToken');
      const messageToken = await applyToken(aicc, user, callOptions);
      secrets.add(messageToken.token);
      const record = emulator.aicc.state.messageTokens.get(messageToken.token);
      check(
        record !== undefined && record.userId === user.userId && record.channelId === user.channelId,
        'the emulator did not issue that ccmessaging-token for the user',
      );
      step.note(`AccessToken ${REDACTED} · valid ${humanDuration(((grant?.expiresAtMs ?? 0) - (grant?.obtainedAtMs ?? 0)) / 1000)}`);
      step.note(
        `ccmessaging-token ${REDACTED} · ${user.userId} on ${user.channelId} · valid ${humanDuration((messageToken.expiresAtMs - messageToken.obtainedAtMs) / 1000)}`,
      );
    });

    await report.step("AICC chat: connect, send, poll the robot's reply, disconnect", async (step) => {
      const session = createAiccSession(aicc, { ...user, pollTimeoutMs: 5_000 });
      const connected = await session.connect(callOptions);
      registerIssuedSecrets();
      check(connected.resultCode === '0', `CONNECT answered resultCode ${connected.resultCode}`);
      const poll = () => session.poll({ signal });
      const greeting = await pollUntil(poll, (message) => message.sourceType === 'ROBOT' && message.controlType === 'CHAT', 3_000);
      check(greeting.match !== undefined, 'the robot did not greet after CONNECT');
      const question = 'How can I track my order?';
      const sent = await session.send(question, callOptions);
      check(sent.resultCode === '0', `send answered resultCode ${sent.resultCode}`);
      const reply = await pollUntil(poll, (message) => message.sourceType === 'ROBOT' && /tracking/i.test(contentText(message)), 3_000);
      check(reply.match !== undefined, 'the robot did not answer the question');
      await session.disconnect(callOptions);
      check(emulator.aicc.state.sessions.get(user.userId)?.status === 'closed', 'the emulator did not close the session');
      step.note(`connected → robot: "${shorten(contentText(greeting.match))}"`);
      step.note(`you: "${question}" → robot: "${shorten(contentText(reply.match))}"`);
      step.note('disconnected · session closed');
    });

    await report.step('Shut down the emulator and the receiver', async (step) => {
      await closeAll();
      const refused = await fetch(`${endpoints.emulatorUrl}/v4/live_config/get_callback`, { method: 'POST', body: '{}' }).then(
        () => false,
        () => true,
      );
      check(refused, 'the emulator still answers after close');
      step.note('both servers closed · port released');
    });
  } finally {
    await closeAll();
  }
}
