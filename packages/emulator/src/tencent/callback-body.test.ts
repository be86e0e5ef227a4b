import { ValidationError } from '@tokenwire/core';
import { KNOWN_CALLBACK_COMMANDS, type KnownLiveCallbackEvent, verifyLiveCallback } from '@tokenwire/live-config';
import { describe, expect, it } from 'vitest';
import { type CallbackBody, callbackBody, type SampledCallbackCommand } from './callback-body.js';
import { CALLBACK_SAMPLE_DIALECTS } from './callback-sample.js';
import { createSignedCallbackRequest } from './create-signed-callback-request.js';

const SDK_APP_ID = 1400000000;
const TOKEN = 'callback-body-token';
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

const SAMPLED = KNOWN_CALLBACK_COMMANDS.filter(
  (command): command is SampledCallbackCommand => command !== 'Live.CallbackBeforeCallBackNotBlock',
);

/** What verifyLiveCallback makes of `body` sent as `command`. */
async function verified<const TCommand extends SampledCallbackCommand>(
  command: TCommand,
  body: CallbackBody<TCommand>,
): Promise<KnownLiveCallbackEvent> {
  const request = createSignedCallbackRequest({
    url: 'https://receiver.example/tencent',
    sdkAppId: SDK_APP_ID,
    token: TOKEN,
    command,
    body,
    now: () => NOW,
  });
  const event = await verifyLiveCallback(request, { sdkAppId: SDK_APP_ID, tokens: TOKEN, now: () => NOW });
  if (!event.known) throw new Error(`${command} is not a known event: ${event.shapeIssues}`);
  return event;
}

describe('callbackBody', () => {
  it('has a body for every known command but the non-blocking gift switch, which has no published body', () => {
    const sampled = new Set(CALLBACK_SAMPLE_DIALECTS.map((dialect) => dialect.command));
    expect(KNOWN_CALLBACK_COMMANDS.filter((command) => !sampled.has(command))).toEqual(['Live.CallbackBeforeCallBackNotBlock']);
  });

  it.each(SAMPLED)('%s: is a known event, exactly the object verifyLiveCallback makes of it', async (command) => {
    const body = callbackBody(command);
    const event = await verified(command, body);
    expect(event.command).toBe(command);
    expect(event.body).toEqual(body);
  });

  it('keeps identifiers beyond 2^53 exact, as strings, and gives the event time as a number', async () => {
    expect(callbackBody('Live.CallbackAfterDestroyRoom').RoomInfo?.Owner_Account).toBe('144115216631667826');
    const message = callbackBody('Group.CallbackAfterSendMsg');
    expect(message.EventTime).toEqual(expect.any(Number));
    expect((await verified('Group.CallbackAfterSendMsg', message)).eventTime).toBe(message.EventTime);
  });

  it('puts the overrides over the top-level fields, and leaves out a field set to undefined', async () => {
    const gift = callbackBody('Live.CallbackBeforeSendGift', { RoomId: 'room-7', GiftWater: { GiftId: 'rose', Coins: 10 } });
    expect(gift).toMatchObject({
      CallbackCommand: 'Live.CallbackBeforeSendGift',
      RoomId: 'room-7',
      GiftWater: { GiftId: 'rose', Coins: 10 },
    });
    expect(gift.GiftWater).toEqual({ GiftId: 'rose', Coins: 10 });
    const event = await verified('Live.CallbackBeforeSendGift', gift);
    expect(event.command === 'Live.CallbackBeforeSendGift' && event.body.GiftWater?.Coins).toBe(10);

    const withoutTime = callbackBody('Live.CallbackAfterDestroyRoom', { EventTime: undefined });
    expect(JSON.parse(JSON.stringify(withoutTime))).not.toHaveProperty('EventTime');
    expect((await verified('Live.CallbackAfterDestroyRoom', withoutTime)).eventTime).toBeUndefined();
  });

  it('refuses a command without a published body and overrides that are not an object', () => {
    expect(() => callbackBody('Live.CallbackBeforeCallBackNotBlock' as SampledCallbackCommand)).toThrow(/no published sample body/);
    expect(() => callbackBody('Live.CallbackAfterCreateRoom', [] as never)).toThrow(ValidationError);
    expect(() => callbackBody('Live.CallbackAfterCreateRoom', 'RoomId' as never)).toThrow(/must be an object of body fields, got string/);
  });
});
