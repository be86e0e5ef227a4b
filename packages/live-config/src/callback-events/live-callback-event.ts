import type { KnownCallbackCommand } from '../known-callback-commands.js';
import type { JsonObject } from '../parse-json-exact.js';
import type { LiveCallbackBody } from './live-callback-body-schemas.js';

/** What the callback URL's query said besides the command, shared by every event. */
export interface LiveCallbackMetadata {
  /** The `SdkAppid` query parameter, checked against yours. */
  readonly sdkAppId: number;
  /** `ClientIP`: the IP of the client that caused the event, when sent. */
  readonly clientIp: string | undefined;
  /** `OptPlatform`: `RESTAPI`, `Web`, `Android`, `iOS`, … (spelling varies), when sent. */
  readonly optPlatform: string | undefined;
  /** `RequestTime` in Unix seconds, when the callback was signed. */
  readonly requestTime: number | undefined;
  /** `contenttype`, usually `json`, when sent. */
  readonly contentType: string | undefined;
  /** Whether `Sign` was verified against one of your tokens (false only with `tokens: null`). */
  readonly signed: boolean;
  /** The body exactly as received, for logging or forwarding. */
  readonly rawBody: string;
}

/**
 * A verified callback of a command tokenwire knows, with its typed body. Narrow on `command`:
 * `if (event.known && event.command === 'Live.CallbackBeforeSendGift') event.body.GiftWater.Coins`.
 */
export type KnownLiveCallbackEvent = {
  readonly [TCommand in KnownCallbackCommand]: LiveCallbackMetadata & {
    readonly known: true;
    readonly command: TCommand;
    readonly body: LiveCallbackBody<TCommand>;
  };
}[KnownCallbackCommand];

/**
 * A verified callback of a command tokenwire does not know (yet): the body is the parsed JSON object (integers
 * beyond 2^53 as exact decimal strings; see `parseJsonExact`).
 */
export interface UnknownLiveCallbackEvent extends LiveCallbackMetadata {
  readonly known: false;
  readonly command: string;
  readonly body: JsonObject;
}

/**
 * What `verifyLiveCallback` returns: a discriminated union over every known LiveKit callback command plus a
 * generic event for commands added later. Check `known` first, then switch on `command`.
 *
 * @example
 * ```ts
 * const event = await verifyLiveCallback(request, { sdkAppId, tokens });
 * if (!event.known) return callbackAck();
 * switch (event.command) {
 *   case 'Live.CallbackAfterCreateRoom': rooms.add(event.body.RoomInfo.RoomId); break;
 *   case 'Live.CallbackBeforeSendGift': return callbackAck({ ok: await canAfford(event.body.GiftWater) });
 * }
 * ```
 */
export type LiveCallbackEvent = KnownLiveCallbackEvent | UnknownLiveCallbackEvent;
