import { CallbackSignatureError } from '@tokenwire/core';
import { CALLBACK_SAMPLE_DIALECTS, callbackSample } from '@tokenwire/emulator';
import { describe, expect, it } from 'vitest';
import { createHarness, SDK_APP_ID } from '../../test/emulator-harness.js';
import { callbackAck } from './callback-ack.js';
import type { LiveCallbackEvent } from './events/live-callback-event.js';
import { canonicalCallbackCommand, KNOWN_CALLBACK_COMMANDS } from './known-callback-commands.js';
import { setCallback } from '../commands/set-callback.js';
import { setCallbackToken } from '../commands/set-callback-token.js';
import { verifyLiveCallback, type VerifyLiveCallbackOptions } from './verify-live-callback.js';

const TOKEN = 'receiver-token-0123456789';

/** A receiver as a user would write it: verify, then answer; refusals answer 401 with the reason. */
function createReceiver(options: VerifyLiveCallbackOptions, decide: (event: LiveCallbackEvent) => Response = () => callbackAck()) {
  const events: LiveCallbackEvent[] = [];
  const failures: CallbackSignatureError[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    try {
      const event = await verifyLiveCallback(request, options);
      events.push(event);
      return decide(event);
    } catch (error) {
      if (!CallbackSignatureError.isInstance(error)) throw error;
      failures.push(error);
      return new Response(error.reason, { status: 401 });
    }
  }) as typeof globalThis.fetch;
  return { fetch, events, failures };
}

async function configuredHarness(enabled = true) {
  const harness = createHarness();
  // The known commands, the spellings some pages use instead (a dialect's command), and one tokenwire does not know.
  const commands = new Set<string>([
    ...KNOWN_CALLBACK_COMMANDS,
    ...CALLBACK_SAMPLE_DIALECTS.map((dialect) => dialect.command),
    'Live.CallbackAfterSomethingNew',
  ]);
  await setCallback(harness.client, { url: 'https://receiver.example/tencent?tenant=7', commands: [...commands] });
  await setCallbackToken(harness.client, { token: TOKEN, enabled });
  return harness;
}

const DESTROY_BODY =
  '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":"administrator","RoomId":"live_room_1",' +
  '"EventType":"DestroyBySystem","EventTime":1700000000000,"RoomInfo":{"RoomId":"live_room_1","Owner_Account":144115216631667826}}';

describe('verifyLiveCallback with callbacks emitted by the emulator', () => {
  it('verifies a signed callback and keeps a 2^53+ id exact', async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN });
    const result = await emulator.tencent.emitCallback('Live.CallbackAfterDestroyRoom', DESTROY_BODY, {
      fetch: receiver.fetch,
      clientIp: '198.51.100.4',
      optPlatform: 'Web',
    });
    expect(result).toMatchObject({ attempted: true, delivered: true, accepted: true, status: 200 });
    const [event] = receiver.events;
    expect(event).toMatchObject({
      known: true,
      command: 'Live.CallbackAfterDestroyRoom',
      clientIp: '198.51.100.4',
      optPlatform: 'Web',
      signed: true,
      contentType: 'json',
    });
    if (event?.command !== 'Live.CallbackAfterDestroyRoom' || !event.known) throw new Error('narrowing failed');
    expect(event.body.RoomInfo?.Owner_Account).toBe('144115216631667826');
    expect(event.body.EventType).toBe('DestroyBySystem');
  });

  it('lets a receiver refuse a gift (ActionStatus OK, non-zero ErrorCode: the emulator counts it refused), and allow another', async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN }, (event) =>
      event.known && event.command === 'Live.CallbackBeforeSendGift' && (event.body.GiftWater?.Coins ?? 0) > 100
        ? callbackAck({ kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' })
        : callbackAck(),
    );
    const gift = (coins: number) => ({
      Operator_Account: 'viewer',
      RoomId: 'live_room_1',
      GiftWater: { From_Account: 'viewer', To_Account: ['anchor'], Time: 1700000000, GiftId: 'rocket', Count: 1, Coins: coins },
    });
    expect(await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', gift(500), { fetch: receiver.fetch })).toMatchObject({
      delivered: true,
      accepted: false,
      refused: true,
      body: { ActionStatus: 'OK', ErrorCode: 1001, ErrorInfo: 'not enough coins' },
    });
    expect(await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', gift(10), { fetch: receiver.fetch })).toMatchObject({
      accepted: true,
    });
  });

  it("answers FAIL only for kind: 'retry', which the emulator counts as a failed delivery, not a refusal", async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN }, () =>
      callbackAck({ kind: 'retry', errorInfo: 'wallet unavailable' }),
    );
    expect(
      await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', callbackSample('Live.CallbackBeforeSendGift').body, {
        fetch: receiver.fetch,
      }),
    ).toMatchObject({
      delivered: false,
      accepted: false,
      refused: false,
      body: { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'wallet unavailable' },
    });
  });

  it('returns an event for every known command and a generic event for an unknown one', async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN });
    await emulator.tencent.emitCallback('Live.CallbackAfterSomethingNew', '{"Big":18446744073709551615}', { fetch: receiver.fetch });
    expect(receiver.events[0]).toMatchObject({
      known: false,
      command: 'Live.CallbackAfterSomethingNew',
      body: { Big: '18446744073709551615' },
    });
    await emulator.tencent.emitCallback(
      'Live.CallbackAfterStartBattle',
      { RoomId: 'r1', EventTime: 1, BattleId: 'b' },
      { fetch: receiver.fetch },
    );
    expect(receiver.events[1]).toMatchObject({
      known: true,
      command: 'Live.CallbackAfterStartBattle',
      body: { RoomId: 'r1', BattleId: 'b' },
    });
  });

  it('refuses a stale or future RequestTime', async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN });
    const now = Math.floor(Date.now() / 1000);
    for (const requestTime of [now - 120, now + 120]) {
      const result = await emulator.tencent.emitCallback('Live.CallbackAfterDestroyRoom', DESTROY_BODY, {
        fetch: receiver.fetch,
        requestTime,
      });
      expect(result).toMatchObject({ delivered: false, status: 401 });
    }
    expect(receiver.failures.map((failure) => failure.reason)).toEqual(['stale_request_time', 'stale_request_time']);
  });

  it('refuses callbacks signed with a token the receiver does not have, and another app', async () => {
    const { emulator } = await configuredHarness();
    const wrongToken = createReceiver({ sdkAppId: SDK_APP_ID, tokens: ['someone-elses-token'] });
    await emulator.tencent.emitCallback('Live.CallbackAfterDestroyRoom', DESTROY_BODY, { fetch: wrongToken.fetch });
    const wrongApp = createReceiver({ sdkAppId: 1400000001, tokens: TOKEN });
    await emulator.tencent.emitCallback('Live.CallbackAfterDestroyRoom', DESTROY_BODY, { fetch: wrongApp.fetch });
    expect(wrongToken.failures[0]?.reason).toBe('signature_mismatch');
    expect(wrongApp.failures[0]?.reason).toBe('sdkappid_mismatch');
  });

  it('refuses unsigned callbacks while tokens are configured, and accepts them with tokens: null', async () => {
    const { emulator } = await configuredHarness(false);
    const strict = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN });
    expect(await emulator.tencent.emitCallback('Live.CallbackAfterDestroyRoom', DESTROY_BODY, { fetch: strict.fetch })).toMatchObject({
      delivered: false,
    });
    expect(strict.failures[0]?.reason).toBe('missing_signature');
    const open = createReceiver({ sdkAppId: SDK_APP_ID, tokens: null });
    expect(await emulator.tencent.emitCallback('Live.CallbackAfterDestroyRoom', DESTROY_BODY, { fetch: open.fetch })).toMatchObject({
      accepted: true,
    });
    expect(open.events[0]?.signed).toBe(false);
  });

  it("hands an authentic gift whose body changed shape to the receiver's policy instead of refusing it as a forgery", async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN }, (event) =>
      !event.known && event.shapeIssues !== undefined ? callbackAck() : callbackAck({ kind: 'refuse', errorCode: 1 }),
    );
    const result = await emulator.tencent.emitCallback(
      'Live.CallbackBeforeSendGift',
      // Sent as text: the typed body of a before-gift callback would not allow Coins: 'lots'.
      JSON.stringify({ RoomId: 'r1', GiftWater: { Coins: 'lots' } }),
      { fetch: receiver.fetch },
    );
    expect(result).toMatchObject({ delivered: true, accepted: true, status: 200 });
    expect(receiver.failures).toEqual([]);
    expect(receiver.events[0]).toMatchObject({
      known: false,
      command: 'Live.CallbackBeforeSendGift',
      signed: true,
      body: { RoomId: 'r1' },
    });
    expect(receiver.events[0]).toHaveProperty('shapeIssues', 'GiftWater.Coins: expected non-negative integer');
  });
});

/** Where each typed command keeps the room id, read from the typed body. */
function typedRoomId(event: LiveCallbackEvent): string | undefined {
  if (!event.known) return undefined;
  switch (event.command) {
    case 'Live.CallbackAfterCreateRoom':
    case 'Live.CallbackAfterUpdateRoomInfo':
      return event.body.RoomInfo.RoomId;
    case 'Live.CallbackAfterCloudRecordingChanged':
      return event.body.EventInfo.RoomId;
    default:
      return 'RoomId' in event.body ? event.body.RoomId : undefined;
  }
}

describe.each(CALLBACK_SAMPLE_DIALECTS)('every documented dialect through the emulator: $command ($id)', (dialect) => {
  it('arrives as a typed event, with its room id and event time, and any URL/body disagreement reported', async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN });
    const options = {
      ...(dialect.fields.includes('roomId') ? { roomId: `room-${dialect.id}` } : {}),
      ...(dialect.fields.includes('eventTime') ? { eventTime: 1_800_000_000_123 } : {}),
    };
    const sample = callbackSample(dialect.command, { dialect: dialect.id, ...options });
    const result = await emulator.tencent.emitCallback(sample.command, sample.body, {
      fetch: receiver.fetch,
      queryCommand: sample.queryCommand,
    });

    expect(receiver.failures).toEqual([]);
    expect(result).toMatchObject({ attempted: true, delivered: true, accepted: true });
    const [event] = receiver.events;
    if (event === undefined) throw new Error('no event');
    expect(event, JSON.stringify(event.known ? '' : event.shapeIssues)).toMatchObject({
      known: true,
      command: canonicalCallbackCommand(dialect.command),
      signed: true,
      rawBody: sample.body,
    });
    expect(event.eventTime).toBe(sample.eventTime);
    if (sample.eventTime !== undefined) expect(event.eventTime).toBe(1_800_000_000_123);
    expect(event.commandMismatch).toEqual(
      dialect.queryCommand === dialect.command ? undefined : { query: dialect.queryCommand, body: dialect.command },
    );
    const roomId = typedRoomId(event);
    if (['RoomId', 'RoomInfo', 'EventInfo'].includes(dialect.roomIdPath?.[0] ?? '')) expect(roomId).toBe(sample.roomId);
  });
});

describe('the conformance issue, through the emulator', () => {
  it('a room created with the current sample (647/64422, no EventTime) is recorded by the README handler', async () => {
    const { emulator } = await configuredHarness();
    const rooms = new Map<string, number | undefined>();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN }, (event) => {
      if (event.known && event.command === 'Live.CallbackAfterCreateRoom') rooms.set(event.body.RoomInfo.RoomId, event.eventTime);
      return callbackAck();
    });
    const sample = callbackSample('Live.CallbackAfterCreateRoom', { dialect: '647-64422', roomId: 'room-1' });
    await emulator.tencent.emitCallback(sample.command, sample.body, { fetch: receiver.fetch });
    expect([...rooms]).toEqual([['room-1', undefined]]);
  });

  it('a member kicked out arrives typed, under either URL spelling', async () => {
    const { emulator } = await configuredHarness();
    const receiver = createReceiver({ sdkAppId: SDK_APP_ID, tokens: TOKEN });
    for (const dialect of ['647-64424', '647-64424-table'] as const) {
      const sample = callbackSample('Live.CallbackAfterMemberStateChanged', { dialect, eventCause: 'Kicked' });
      await emulator.tencent.emitCallback(sample.command, sample.body, { fetch: receiver.fetch, queryCommand: sample.queryCommand });
    }
    expect(
      receiver.events.map((event) => event.known && event.command === 'Live.CallbackAfterMemberStateChanged' && event.body.EventCause),
    ).toEqual(['Kicked', 'Kicked']);
  });
});
