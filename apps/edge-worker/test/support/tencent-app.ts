// A Tencent app emulated by @tokenwire/emulator, with its callback URL and token configured through the real
// live_config commands, delivering its callbacks to the worker.
import { createTencentClient, type TencentClient } from '@tokenwire/core';
import { type CallbackBody, createEmulator, type Emulator } from '@tokenwire/emulator';
import { setCallback, setCallbackToken } from '@tokenwire/live-config';

export const SDK_APP_ID = 1400000123;
export const SECRET_KEY = 'tencent-secret-key-for-edge-worker-tests-0123456789';
export const CALLBACK_TOKEN = 'callback-token-current-0123456789abcdefghijklmnopqrstuvwxyz';
export const PREVIOUS_TOKEN = 'callback-token-previous-9876543210zyxwvutsrqponmlkjihgfedcba';
export const CALLBACK_URL = 'https://edge.test/tencent/callback';

export const COMMANDS = [
  'Live.CallbackAfterCreateRoom',
  'Live.CallbackAfterDestroyRoom',
  'Live.CallbackAfterMemberStateChanged',
  'Live.CallbackBeforeSendGift',
  // A command tokenwire has no schema for (Tencent adds callbacks over time).
  'Live.CallbackAfterFutureFeature',
];

export interface TencentApp {
  readonly emulator: Emulator;
  readonly client: TencentClient;
}

/** An emulated app whose callbacks are signed with `token` (or unsigned when `token` is null). */
export async function createTencentApp(options: { sdkAppId?: number; token?: string | null } = {}): Promise<TencentApp> {
  const sdkAppId = options.sdkAppId ?? SDK_APP_ID;
  const emulator = createEmulator({ tencent: { sdkAppId, secretKey: SECRET_KEY, admins: ['administrator'] } });
  const client = createTencentClient({
    sdkAppId,
    identifier: 'administrator',
    secretKey: SECRET_KEY,
    baseUrl: 'https://tencent.emulator.test',
    fetch: emulator.fetch,
  });
  await setCallback(client, { url: CALLBACK_URL, commands: COMMANDS });
  const token = options.token === undefined ? CALLBACK_TOKEN : options.token;
  if (token !== null) await setCallbackToken(client, { token, enabled: true });
  return { emulator, client };
}

/** The callback bindings of the worker for the default app. */
export const CALLBACK_BINDINGS = {
  TENCENT_SDK_APP_ID: String(SDK_APP_ID),
  TENCENT_CALLBACK_TOKEN: CALLBACK_TOKEN,
} as const;

/** A room-created body with an id beyond 2^53, as raw JSON text (so the id survives exactly). */
export function createRoomBody(roomId: string, ownerId = '144115216631667826'): string {
  return `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"host-1","RoomInfo":{"RoomId":"${roomId}","RoomName":"r","RoomType":"Live","Owner_Account":${ownerId},"MaxMemberCount":100,"IsMessageDisabled":false,"CustomInfo":"","IsSeatEnabled":true,"TakeSeatMode":"ApplyToTake","MaxSeatCount":8,"CreateTime":1700000000,"IsPublicVisible":true,"CoverURL":"","Category":[1]},"EventTime":${Date.now()}}`;
}

/** A before-gift body. */
export function giftBody(coins: number): CallbackBody<'Live.CallbackBeforeSendGift'> {
  return {
    Operator_Account: 'fan-1',
    RoomId: 'room-gift',
    GiftWater: {
      From_Account: 'fan-1',
      To_Account: ['host-1'],
      Time: Math.floor(Date.now() / 1000),
      GiftId: 'rose',
      Count: 1,
      Coins: coins,
    },
  };
}
