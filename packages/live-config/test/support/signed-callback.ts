/// <reference types="node" />
import { signCallback } from '@tokenwire/core';

/** The app and tokens the recipes and adapter tests run with (the recipes read them from the environment). */
export const SDK_APP_ID = 1400000000;
export const TOKEN = 'recipe-callback-token-0123456789abcdefghijklmnopqrstuvwxyz';
export const PREVIOUS_TOKEN = 'recipe-previous-token-9876543210zyxwvutsrqponmlkjihgfedcba';

/** What the recipes read from `process.env`. */
export const RECIPE_ENV = {
  SDK_APP_ID: String(SDK_APP_ID),
  TENCENT_CALLBACK_TOKEN: TOKEN,
  TENCENT_CALLBACK_PREVIOUS_TOKEN: PREVIOUS_TOKEN,
} as const;

export interface SignOptions {
  readonly token?: string;
  /** Unix seconds; default now. */
  readonly requestTime?: number;
  readonly sdkAppId?: number;
}

/** The query Tencent appends to the callback URL, signed with `token` (default {@link TOKEN}). */
export function callbackQuery(command: string, options: SignOptions = {}): string {
  const requestTime = options.requestTime ?? Math.floor(Date.now() / 1000);
  const parameters = new URLSearchParams({
    SdkAppid: String(options.sdkAppId ?? SDK_APP_ID),
    CallbackCommand: command,
    contenttype: 'json',
    ClientIP: '203.0.113.9',
    OptPlatform: 'RESTAPI',
    Sign: signCallback({ token: options.token ?? TOKEN, requestTime }),
    RequestTime: String(requestTime),
  });
  return parameters.toString();
}

/** A `Live.CallbackBeforeSendGift` body as Tencent's sample (647/121916) has it. */
export function giftBody(sender: string, coins: number, count = 1): string {
  return JSON.stringify({
    CallbackCommand: 'Live.CallbackBeforeSendGift',
    Operator_Account: sender,
    RoomId: 'live_room_1',
    GiftWater: { From_Account: sender, To_Account: ['anchor'], Time: 1703589922, GiftId: 'gift1', Count: count, Coins: coins },
  });
}

/** A `Live.CallbackAfterDestroyRoom` body, its owner an integer beyond 2^53 as Tencent sends it. */
export function destroyRoomBody(roomId: string): string {
  return `{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":"admin","RoomId":"${roomId}","EventType":"DestroyByUser","EventTime":1669872112000,"RoomInfo":{"Owner_Account":144115216631667826,"RoomType":"Live"}}`;
}

/** POSTs a callback body to `url` (which carries the query) the way Tencent does. */
export function postCallback(url: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);
}
