import { systemClock, type Clock } from '@tokenwire/core';
import { expected, functionSchema, numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { CallbackBody } from './callback-body.js';
import { CALLBACK_QUERY_OPTION_ENTRIES, CallbackBodySchema, callbackRequest, CommandWordSchema } from './callback-request.js';

/** Options of {@link createSignedCallbackRequest}. */
export interface SignedCallbackRequestOptions<TCommand extends string = string> {
  /** The receiver URL, as it would be set with `setCallback` (`http://` or `https://`; its own query is kept). */
  readonly url: string | URL;
  /** The app's SDKAppID (`SdkAppid`). */
  readonly sdkAppId: number;
  /** The callback token the request is signed with (`Sign` = SHA-256 of token + `RequestTime`). */
  readonly token: string;
  /** The callback command (`CallbackCommand`), e.g. `Live.CallbackBeforeSendGift`. */
  readonly command: TCommand;
  /** The body: typed for a known command ({@link CallbackBody}), or raw JSON text sent as it is. */
  readonly body: CallbackBody<TCommand>;
  /** `RequestTime` in Unix seconds. Defaults to `now()`'s second; set it to test a stale callback. */
  readonly requestTime?: number;
  /** The clock `RequestTime` defaults to (ms since the epoch). Defaults to `Date.now`. */
  readonly now?: Clock;
  /** The `ClientIP` query parameter. Defaults to `127.0.0.1`. */
  readonly clientIp?: string;
  /** The `OptPlatform` query parameter. Defaults to `RESTAPI`. */
  readonly optPlatform?: string;
  /** The URL's `CallbackCommand`, when a documented dialect spells it otherwise than `command`. */
  readonly queryCommand?: string;
}

/** An absolute `http:` or `https:` URL, the only kind Tencent calls back. */
const HTTP_URL = /^https?:\/\/[^/?#]/i;

/** The options of {@link createSignedCallbackRequest}; the token is never part of a message. */
const SignedCallbackRequestOptionsSchema = /* @__PURE__ */ (() => {
  const urlMessage = 'must be an absolute http:// or https:// URL';
  return optionsObject(
    {
      url: v.config(
        v.pipe(
          v.union([v.string(), v.instance(URL)], expected(urlMessage)),
          v.transform(String),
          v.regex(HTTP_URL, urlMessage),
          v.url(urlMessage),
        ),
        { abortPipeEarly: true },
      ),
      sdkAppId: numberIn(1, 4294967295, 'must be an integer from 1 to 4294967295', true),
      token: v.pipe(v.string(expected('must be a non-empty string')), v.nonEmpty('must be a non-empty string')),
      command: CommandWordSchema,
      body: CallbackBodySchema,
      now: v.optional(functionSchema<Clock>()),
      ...CALLBACK_QUERY_OPTION_ENTRIES,
    },
    'an object',
  );
})();

/**
 * A callback exactly as Tencent sends it, signed with `token`, as a web `Request` — for unit tests of your own
 * receiver, without an emulator (like Stripe's `generateTestHeaderString`): a POST of the JSON body to `url` with
 * `SdkAppid`, `CallbackCommand`, `contenttype=json`, `ClientIP`, `OptPlatform`, `Sign` and `RequestTime`
 * appended, in Tencent's order. `verifyLiveCallback` accepts it with the same `sdkAppId` and `token`; the body of
 * a known command is typed as it reads it ({@link CallbackBody}, `callbackBody` makes one).
 *
 * Tencent's `Sign` covers the token and `RequestTime`, not the body: to test a refusal, change the token, `Sign`
 * or `RequestTime` (a `requestTime` more than 60 s from your receiver's clock is stale), not the body.
 *
 * @throws `ValidationError` for a bad option (the message never contains the token).
 * @example
 * ```ts
 * const request = createSignedCallbackRequest({
 *   url: 'https://example.com/tencent', sdkAppId: 1400000000, token: 'test-token',
 *   command: 'Live.CallbackBeforeSendGift', body: { RoomId: 'room-1', GiftWater: { GiftId: 'rose', Coins: 10 } },
 * });
 * const response = await app.fetch(request); // your receiver, calling verifyLiveCallback(request, { sdkAppId, tokens })
 * ```
 */
export function createSignedCallbackRequest<const TCommand extends string>(options: SignedCallbackRequestOptions<TCommand>): Request {
  const checked = parseInput(SignedCallbackRequestOptionsSchema, options, 'signed callback request options');
  const { url, init } = callbackRequest({
    ...checked,
    signature: { token: checked.token, requestTime: checked.requestTime ?? Math.floor((checked.now ?? systemClock)() / 1000) },
  });
  return new Request(url, init);
}
