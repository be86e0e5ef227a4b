import { createTencentClient, signCallback } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { callbackAck, setCallback, setCallbackToken, verifyLiveCallback, type LiveCallbackEvent } from '@tokenwire/live-config';
import { describe, expect, it } from 'vitest';
import { samples, type Sample } from './support/corpus.js';

// Every callback body Tencent publishes must arrive as a known, typed event: signed as Tencent signs it, straight
// into verifyLiveCallback, and byte for byte through the emulator's callback delivery.
const SDK_APP_ID = 1400000000;
const TOKEN = 'conformance-callback-token';
const NOW_SECONDS = 1_767_225_600; // 2026-01-01T00:00:00Z
const now = () => NOW_SECONDS * 1000;

const callbacks = samples('tencent', 'callback');

/** The command a sample's URL carries: the one in its body (what Tencent sends), else the page's. */
function commandOf(sample: Sample): string {
  const body = sample.json as { CallbackCommand?: unknown };
  return typeof body.CallbackCommand === 'string' ? body.CallbackCommand : (sample.command as string);
}

/** The room a sample is about, wherever that version of the page put it. */
function roomIdOf(sample: Sample): string | undefined {
  const body = sample.json as { RoomId?: unknown; RoomInfo?: { RoomId?: unknown } };
  const id = body.RoomId ?? body.RoomInfo?.RoomId;
  return typeof id === 'string' ? id : undefined;
}

/** A callback request as Tencent sends it for `sample`, signed with TOKEN at NOW_SECONDS. */
function signedRequest(sample: Sample, command = commandOf(sample)): Request {
  const query = new URLSearchParams({
    SdkAppid: String(SDK_APP_ID),
    CallbackCommand: command,
    contenttype: 'json',
    ClientIP: '127.0.0.1',
    OptPlatform: 'RESTAPI',
    Sign: signCallback({ token: TOKEN, requestTime: NOW_SECONDS }),
    RequestTime: String(NOW_SECONDS),
  });
  return new Request(`https://receiver.example/tencent?${query}`, {
    method: 'POST',
    body: sample.text,
    headers: { 'content-type': 'application/json' },
  });
}

function expectAccepted(event: LiveCallbackEvent, sample: Sample): void {
  expect(event.known, `${sample.label}: ${event.known ? '' : event.shapeIssues}`).toBe(true);
  expect(event.rawBody).toBe(sample.text);
  const roomId = roomIdOf(sample);
  if (roomId !== undefined) expect(JSON.stringify(event.body)).toContain(JSON.stringify(roomId));
}

describe('Tencent callback samples through verifyLiveCallback', () => {
  it('the corpus has samples of the callbacks the issue names', () => {
    const commands = new Set(callbacks.map(commandOf));
    for (const command of [
      'Live.CallbackAfterCreateRoom',
      'Live.CallbackAfterDestroyRoom',
      'Live.CallbackAfterMemberStateChanged',
      'Live.CallbackBeforeSendGift',
    ]) {
      expect(commands).toContain(command);
    }
  });

  it.each(callbacks.map((sample) => [sample.label, sample] as const))('%s', async (_label, sample) => {
    const event = await verifyLiveCallback(signedRequest(sample), { sdkAppId: SDK_APP_ID, tokens: TOKEN, now });
    expectAccepted(event, sample);
  });
});

describe('Tencent callback samples delivered by the emulator, byte for byte', () => {
  it.each(callbacks.map((sample) => [sample.label, sample] as const))('%s', async (_label, sample) => {
    const emulator = createEmulator({
      tencent: { sdkAppId: SDK_APP_ID, secretKey: 'conformance-secret-key', admins: ['administrator'] },
      now,
    });
    const client = createTencentClient({
      sdkAppId: SDK_APP_ID,
      identifier: 'administrator',
      secretKey: 'conformance-secret-key',
      baseUrl: 'http://emulator.test',
      fetch: emulator.fetch,
      now,
    });
    await setCallback(client, { url: 'https://receiver.example/tencent', commands: [commandOf(sample)] });
    await setCallbackToken(client, { token: TOKEN, enabled: true });
    const events: LiveCallbackEvent[] = [];
    const receiver = (async (input: RequestInfo | URL, init?: RequestInit) => {
      events.push(await verifyLiveCallback(new Request(input, init), { sdkAppId: SDK_APP_ID, tokens: TOKEN, now }));
      return callbackAck();
    }) as typeof fetch;
    const delivery = await emulator.tencent.emitCallback(commandOf(sample), sample.text, { fetch: receiver });
    expect(delivery).toMatchObject({ attempted: true, delivered: true, accepted: true });
    expect(events).toHaveLength(1);
    expectAccepted(events[0] as LiveCallbackEvent, sample);
    emulator.close();
  });
});
