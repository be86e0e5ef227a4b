// The README's "Callbacks in your tests" recipes, run as written (the emulator from its sources).
import { createTencentClient } from '@tokenwire/core';
import { callbackAck, type LiveCallbackEvent, setCallback, setCallbackToken, verifyLiveCallback } from '@tokenwire/live-config';
import { describe, expect, it } from 'vitest';
import { callbackBody, createEmulator, createSignedCallbackRequest } from '../src/index.js';

/** The README's receiver, which also keeps every event for the assertions. */
function createApp() {
  const rooms: string[] = [];
  const events: LiveCallbackEvent[] = [];
  const app = {
    async fetch(request: Request): Promise<Response> {
      const event = await verifyLiveCallback(request, { sdkAppId: 1400000000, tokens: 'callback-token' });
      events.push(event);
      if (event.known && event.command === 'Live.CallbackAfterCreateRoom') rooms.push(event.body.RoomInfo.RoomId);
      return callbackAck();
    },
  };
  return { app, rooms, events };
}

async function configuredEmulator(app: { fetch(request: Request): Promise<Response> }) {
  const emulator = createEmulator({
    tencent: {
      sdkAppId: 1400000000,
      secretKey: 'test-secret',
      admins: ['administrator'],
      callbackFetch: (url, init) => app.fetch(new Request(url, init)),
    },
  });
  const client = createTencentClient({
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey: 'test-secret',
    baseUrl: 'https://emulator.test',
    fetch: emulator.fetch,
  });
  await setCallback(client, {
    url: 'https://example.com/tencent',
    commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'],
  });
  await setCallbackToken(client, { token: 'callback-token', enabled: true });
  return emulator;
}

describe('README: callbacks end to end', () => {
  it('delivers the typed body as a known event, and a callbackBody as well', async () => {
    const { app, rooms, events } = createApp();
    const emulator = await configuredEmulator(app);
    expect(emulator.state.tencent?.callbackToken).toEqual({ token: 'callback-token', enabled: true });
    expect(emulator.state.tencent?.callback).toEqual({
      url: 'https://example.com/tencent',
      commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'],
    });

    const result = await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', {
      RoomInfo: { RoomId: 'room-1' },
      EventTime: Date.now(),
    });
    expect(result).toMatchObject({ attempted: true, delivered: true, accepted: true });
    expect(rooms).toEqual(['room-1']);

    await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', callbackBody('Live.CallbackBeforeSendGift', { RoomId: 'room-1' }));
    expect(events.map((event) => [event.known, event.command])).toEqual([
      [true, 'Live.CallbackAfterCreateRoom'],
      [true, 'Live.CallbackBeforeSendGift'],
    ]);
  });

  it('no longer compiles the body the README used to show, which arrived as known: false (RoomId is in RoomInfo)', async () => {
    const { app, events } = createApp();
    const emulator = await configuredEmulator(app);
    // @ts-expect-error Live.CallbackAfterCreateRoom carries its room in RoomInfo.RoomId
    await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', { RoomId: 'room-1', EventTime: Date.now() });
    expect(events[0]).toMatchObject({
      known: false,
      command: 'Live.CallbackAfterCreateRoom',
      shapeIssues: expect.stringContaining('RoomInfo'),
    });
  });
});

describe('README: a receiver alone', () => {
  it('accepts the request createSignedCallbackRequest builds', async () => {
    const { app, events } = createApp();
    const request = createSignedCallbackRequest({
      url: 'https://example.com/tencent',
      sdkAppId: 1400000000,
      token: 'callback-token',
      command: 'Live.CallbackBeforeSendGift',
      body: { RoomId: 'room-1', GiftWater: { GiftId: 'rose', Coins: 10 } },
    });
    const response = await app.fetch(request);
    expect(await response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect(events[0]).toMatchObject({ known: true, command: 'Live.CallbackBeforeSendGift', body: { GiftWater: { Coins: 10 } } });
  });
});
