import { MalformedResponseError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { AiccClient } from '../client/aicc-client.js';
import { assertBusinessSuccess, parseResponse } from '../client/parse-response.js';
import { SignalOptionsSchema } from '../input/signal-options.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { OptionalStringSchema, ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import { AiccUserSchema, type AiccUser } from './aicc-user.js';
import { unwrapToken } from './unwrap-token.js';
import { clipDetail, describeAnswer } from '../client/answer-detail.js';

/** How long a `ccmessaging-token` is valid: 1 hour. */
export const MESSAGE_TOKEN_LIFETIME_MS = 3_600_000;

/**
 * The `applyToken` answer (`applyTokenRspBody`). `resultCode` may be absent: the developer guide's example answers
 * a bare `{ "token": "\"eyJ…\"" }` (devg-webclint-cec cec_05_2012, 2024-03-05) and Huawei's Vue demo checks only
 * HTTP 200 and `token` (devg-webdemo-cec cec_05_1115); when present it is checked. Unknown fields pass through.
 */
export interface ApplyTokenResponse {
  /** `"0"` on success; absent in the developer guide's example. */
  resultCode?: string | undefined;
  resultDesc?: string | undefined;
  /**
   * The `ccmessaging-token`, as AICC sends it (possibly wrapped in quotes: {@link unwrapToken}). A secret: send it
   * only as the `ccmessaging-token` header.
   */
  token?: string | null | undefined;
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of an {@link ApplyTokenResponse}. */
const ApplyTokenResponseSchema: v.GenericSchema<unknown, ApplyTokenResponse> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: v.optional(ResultCodeSchema),
    resultDesc: ResultDescriptionSchema,
    token: OptionalStringSchema,
  } satisfies EntriesOf<ApplyTokenResponse>))();

/** A `ccmessaging-token` with its lifetime on the client's clock. */
export interface MessageToken {
  /** The token, unchanged except for wrapping quotes removed. A secret: send it only as the `ccmessaging-token` header. */
  readonly token: string;
  /** When the `applyToken` request was sent (ms since the epoch, client clock). */
  readonly obtainedAtMs: number;
  /** `obtainedAtMs` + 1 hour: when AICC stops accepting it (unless a call hands out a successor first). */
  readonly expiresAtMs: number;
}

/** Options of {@link applyToken}. */
export interface ApplyTokenOptions {
  /** Aborts the call. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * `POST /apiaccess/ccmessaging/applyToken`: a `ccmessaging-token` for one end user on one web channel, valid for
 * one hour. The user is validated first (userId 1–32 characters, a locale such as `en`, `zh_CN` or `en-US`);
 * nothing is sent when it is invalid. Works with a direct client and through a gateway alike.
 *
 * A 200 with a non-empty `token` is a success; `resultCode` is checked when the answer has one (the developer
 * guide's example of cec_05_2012 has none).
 *
 * Sessions call it for you ({@link createAiccSession}); call it yourself only to manage tokens by hand.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for an invalid user (nothing is sent).
 * @throws {@link AiccApiError} when AICC answers a `resultCode` ≠ `"0"` (e.g. an unknown channel).
 * @throws {@link FabricAuthError} when API Fabric rejects the client.
 * @throws `MalformedResponseError` when a 200 carries no token (with what the answer says instead, secrets
 *   redacted); transport errors from `@tokenwire/core`.
 * @example
 * ```ts
 * const { token, expiresAtMs } = await applyToken(client, { userId: 'user-42', userName: 'Ada', channelId, locale: 'en' });
 * ```
 */
export async function applyToken(client: AiccClient, user: AiccUser, options: ApplyTokenOptions = {}): Promise<MessageToken> {
  const body = parseInput(AiccUserSchema, user, 'applyToken user');
  const { signal } = parseInput(SignalOptionsSchema, options, 'applyToken options');
  const obtainedAtMs = client.now();
  const response = await client.request({ api: 'applyToken', body, signal });
  const context = { path: response.path, status: response.status, attempt: response.attempt, redact: response.redact };
  const parsed = parseResponse(ApplyTokenResponseSchema, response.body, context);
  assertBusinessSuccess(parsed, 'resultCode', context, { required: false });
  const token = parsed.token === undefined || parsed.token === null ? '' : unwrapToken(parsed.token);
  if (token === '') {
    // What the answer says instead (API Fabric's errorCode and exceptionInfo, or a resultDesc), secrets redacted.
    const detail = parsed.resultCode === undefined ? describeAnswer(response.body) : undefined;
    const said = detail === undefined || detail === '' ? undefined : clipDetail(response.redact(detail));
    const what = parsed.resultCode === undefined ? 'carries no token' : 'reports success but carries no token';
    throw new MalformedResponseError(`The answer of ${response.path} ${what}${said === undefined ? '' : ` (${said})`}`, {
      ...context,
      retryable: false,
    });
  }
  return { token, obtainedAtMs, expiresAtMs: obtainedAtMs + MESSAGE_TOKEN_LIFETIME_MS };
}
