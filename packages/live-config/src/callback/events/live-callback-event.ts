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
  /**
   * The verified `Sign`, in lower-case hex; `undefined` when the callback was not verified (`tokens: null`). With
   * `requestTime` it names the signed URL — a replay memory keys on both and the body (every callback of the same
   * second carries the same `Sign`). It is a credential for that second: `Sign` does not cover the body, so whoever
   * holds it can sign any body until `RequestTime` goes stale. Never log or forward it.
   */
  readonly sign: string | undefined;
  /**
   * The body exactly as received, as text: the UTF-8 decoding of {@link LiveCallbackMetadata.rawBytes | rawBytes},
   * character for byte — nothing replaced, a leading byte order mark kept. A body that is not valid UTF-8 is refused
   * (`malformed_body`), so two callbacks whose bytes differ never have the same `rawBody`. For logging or forwarding.
   */
  readonly rawBody: string;
  /**
   * The body's exact bytes, as received (a copy; for a `{ url, body }` given as a string, its UTF-8 encoding). Hash
   * these for an event id or a replay key: two callbacks that differ in any byte differ here.
   */
  readonly rawBytes: Uint8Array;
  /**
   * When the event happened, in Unix milliseconds, wherever this body carries it: `EventTime` at the top level or
   * inside `RoomInfo` (647/110679 puts it there for `Live.CallbackAfterCreateRoom`), `EventInfo.EventMsTs` for
   * recording callbacks; a string of digits counts. `undefined` when the body has none — the current
   * `Live.CallbackAfterCreateRoom` sample (647/64422) has none. The body itself is left as it came.
   */
  readonly eventTime: number | undefined;
  /**
   * Set when the URL's `CallbackCommand` and the body's disagree — Tencent's own pages do (647/64424 names
   * `Live.CallbackMemberStateChanged` in its table and `Live.CallbackAfterMemberStateChanged` in its sample).
   * The callback is handed over anyway: `command` is the body's when tokenwire knows it, otherwise the URL's (a
   * documented alias counts as the command it stands for). Log it; `undefined` when they agree or one is absent.
   */
  readonly commandMismatch: CallbackCommandMismatch | undefined;
}

/** The two spellings of a callback's command when its URL and its body disagree. */
export interface CallbackCommandMismatch {
  /** `CallbackCommand` of the URL's query. */
  readonly query: string;
  /** `CallbackCommand` of the body. */
  readonly body: string;
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
 * A verified callback tokenwire cannot type: a command it does not know (yet), or a known command whose body does
 * not match the documented schema (Tencent changed the body). The signature was checked either way; the body is
 * the parsed JSON object (integers beyond 2^53 as exact decimal strings; see `parseJsonExact`). Apply your policy
 * (for `Live.CallbackBeforeSendGift`, allow or refuse) and log `shapeIssues`, rather than answering with an error.
 */
export interface UnknownLiveCallbackEvent extends LiveCallbackMetadata {
  readonly known: false;
  readonly command: string;
  readonly body: JsonObject;
  /**
   * `undefined` for a command tokenwire does not know; for a known command whose body does not match its schema,
   * a short description of the mismatch (paths and expected types, never the values), e.g.
   * `"GiftWater.Coins: expected number"`.
   */
  readonly shapeIssues: string | undefined;
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
 *   case 'Live.CallbackAfterCreateRoom': rooms.add(event.body.RoomInfo.RoomId, event.eventTime); break;
 *   case 'Live.CallbackBeforeSendGift':
 *     if (!(await canAfford(event.body.GiftWater))) return callbackAck({ kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' });
 * }
 * ```
 */
export type LiveCallbackEvent = KnownLiveCallbackEvent | UnknownLiveCallbackEvent;
