import { redactSecrets, redactUrl, type Clock } from '@tokenwire/core';
import { functionSchema, optionsObject, parseInput, TimeoutSchema, untilAborted } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { readCallbackAnswer } from './callback-answer.js';
import type { CallbackBody } from './callback-body.js';
import {
  CALLBACK_QUERY_OPTION_ENTRIES,
  CallbackBodySchema,
  callbackRequest,
  type CallbackRequestInit,
  CommandWordSchema,
} from './callback-request.js';
import type { CallbackConfiguration, CallbackTokenConfiguration } from './live-config-state.js';

/** What a callback's fetch is called with: the POST, not following redirects, aborted at Tencent's deadline. */
export interface CallbackFetchInit extends CallbackRequestInit {
  readonly redirect: 'manual';
  readonly signal: AbortSignal;
}

/** What the emulator reads of a receiver's answer: its status and its text. */
export interface CallbackFetchResponse {
  /** The receiver's HTTP status. */
  readonly status: number;
  /** The receiver's answer body, as text (Tencent reads it as JSON). */
  text(): Promise<string>;
}

/**
 * How the emulator delivers a callback: called as `fetch(url, init)`, the URL a string and `init` a plain object,
 * never with a `Request` — so the global `fetch`, `emulator.fetch` and miniflare's `dispatchFetch` all fit. A
 * handler that takes a `Request` (a Hono app's or a worker's `fetch`) is wrapped:
 * `(url, init) => app.fetch(new Request(url, init))`.
 */
export type CallbackFetch = (url: string, init: CallbackFetchInit) => Promise<CallbackFetchResponse>;

/** Per-call options of `emitCallback`. */
export interface EmitCallbackOptions {
  /** The fetch the callback goes through; overrides the service's `callbackFetch`. */
  readonly fetch?: CallbackFetch;
  /** `RequestTime` in Unix seconds (signed into `Sign`); defaults to the service clock. Set it to test staleness. */
  readonly requestTime?: number;
  /** The `ClientIP` query parameter. Defaults to `127.0.0.1`. */
  readonly clientIp?: string;
  /** The `OptPlatform` query parameter. Defaults to `RESTAPI`. */
  readonly optPlatform?: string;
  /** Overrides the service's callback timeout for this call, in milliseconds. */
  readonly timeoutMs?: number;
  /**
   * The `CallbackCommand` the URL carries, when a documented dialect spells it differently from `command` — the
   * member-state page (647/64424) names `Live.CallbackMemberStateChanged` in its table. `command` is still the
   * one `CallbackCommandList` must enable, and the one an object body gets. Default: `command`. The samples of
   * `callbackSample` carry it as `queryCommand`.
   */
  readonly queryCommand?: string;
}

/** Why a callback was not sent. */
export type CallbackSkipReason = 'callback_not_configured' | 'command_not_enabled';

/** No callback was sent: no callback URL is configured, or the command is not in `CallbackCommandList`. */
export interface CallbackDeliverySkipped {
  readonly attempted: false;
  readonly delivered: false;
  readonly accepted: false;
  readonly reason: CallbackSkipReason;
}

/** A callback was sent; what the receiver answered. */
export interface CallbackDeliveryAttempt {
  readonly attempted: true;
  /**
   * Whether Tencent would count the callback as delivered: the receiver answered HTTP 200 with a JSON body that
   * is not `ActionStatus` `FAIL`. A timeout, a refused or dropped connection, another status, a non-JSON body or
   * a `FAIL` answer (the receiver could not process it) count as failed.
   */
  readonly delivered: boolean;
  /** Delivered, and the answer's `ErrorCode` is 0 (for "before" callbacks: the action may go on). */
  readonly accepted: boolean;
  /**
   * Delivered, and refused: `ActionStatus` `OK` (or none) with a non-zero `ErrorCode` — for a "before" callback
   * such as `Live.CallbackBeforeSendGift` the action is blocked. A `FAIL` answer is not a refusal but a failed
   * delivery (`delivered: false`).
   */
  readonly refused: boolean;
  /** The URL the callback was posted to, with `Sign` redacted. */
  readonly url: string;
  /** The HTTP status, when the receiver answered. */
  readonly status?: number;
  /** The parsed JSON body of the answer, when it was JSON. */
  readonly body?: unknown;
  /** Why the callback was not accepted, when it was not. Never contains the token or `Sign`. */
  readonly error?: string;
  /** Time from sending to the end of the answer (or the failure), on the service clock. */
  readonly durationMs: number;
}

/** The outcome of `emitCallback`. */
export type CallbackDeliveryResult = CallbackDeliverySkipped | CallbackDeliveryAttempt;

/** Everything {@link deliverCallback} needs from the service. */
export interface CallbackDeliveryContext {
  readonly sdkAppId: number;
  readonly callback: CallbackConfiguration | undefined;
  readonly callbackToken: CallbackTokenConfiguration | undefined;
  readonly fetch: CallbackFetch;
  readonly timeoutMs: number;
  readonly now: Clock;
}

/** The arguments of `emitCallback`, checked together so that every problem is reported at once. */
const EmitCallbackArgumentsSchema = /* @__PURE__ */ (() =>
  v.object({
    command: CommandWordSchema,
    body: CallbackBodySchema,
    options: v.optional(
      optionsObject(
        { fetch: v.optional(functionSchema<CallbackFetch>()), timeoutMs: v.optional(TimeoutSchema), ...CALLBACK_QUERY_OPTION_ENTRIES },
        'an object of emitCallback options',
      ),
      {},
    ),
  }))();

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

/**
 * Sends one callback the way Tencent does, if the app has a callback URL and `command` is in its
 * `CallbackCommandList`: a POST of the JSON body to the URL with `SdkAppid`, `CallbackCommand`,
 * `contenttype=json`, `ClientIP` and `OptPlatform` appended, plus `Sign` and `RequestTime` when a token is
 * configured and enabled. The whole exchange (headers and body) must finish within the timeout. Redirects are
 * not followed: a 3xx is an answer other than 200, so the callback fails. The answer is read as Tencent reads it:
 * `ErrorCode` 0 accepts, a non-zero code with `ActionStatus` `OK` refuses, `FAIL` is a failed delivery.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for a bad command, body or option; nothing is sent
 *   then.
 */
export async function deliverCallback(
  context: CallbackDeliveryContext,
  command: string,
  body: CallbackBody,
  emitOptions?: EmitCallbackOptions,
): Promise<CallbackDeliveryResult> {
  const checked = parseInput(EmitCallbackArgumentsSchema, { command, body, options: emitOptions }, 'callback emission');
  const { options } = checked;
  const config = context.callback;
  if (config === undefined) return { attempted: false, delivered: false, accepted: false, reason: 'callback_not_configured' };
  if (!config.commands.includes(command)) {
    return { attempted: false, delivered: false, accepted: false, reason: 'command_not_enabled' };
  }

  const tokenConfig = context.callbackToken;
  const { url, init, secrets } = callbackRequest({
    url: config.url,
    sdkAppId: context.sdkAppId,
    command,
    body: checked.body,
    queryCommand: options.queryCommand,
    clientIp: options.clientIp,
    optPlatform: options.optPlatform,
    signature: tokenConfig?.enabled
      ? { token: tokenConfig.token, requestTime: options.requestTime ?? Math.floor(context.now() / 1000) }
      : undefined,
  });
  const shownUrl = redactUrl(url);
  const fetchFunction = options.fetch ?? context.fetch;
  const timeoutMs = options.timeoutMs ?? context.timeoutMs;

  const started = context.now();
  const finish = (
    fields: Omit<CallbackDeliveryAttempt, 'attempted' | 'url' | 'durationMs' | 'refused'> & { refused?: boolean },
  ): CallbackDeliveryAttempt => ({
    attempted: true,
    url: shownUrl,
    refused: false,
    ...fields,
    ...(fields.error === undefined ? {} : { error: redactSecrets(fields.error, secrets) }),
    durationMs: Math.max(0, context.now() - started),
  });

  // Tencent's delivery deadline: when it passes, the request is aborted and the attempt ends at once (core's
  // untilAborted), even if the receiver's fetch does not look at the signal.
  const controller = new AbortController();
  const timedOut = new Error('the receiver did not answer in time');
  const timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
  const exchange = (async () => {
    // A URL string and a plain init, not a Request: fetches of another realm (miniflare's dispatchFetch) do not
    // recognise this realm's Request and read it as the string "[object Request]".
    const response = await fetchFunction(url, { ...init, redirect: 'manual', signal: controller.signal });
    return { status: response.status, text: await response.text() };
  })();

  let answer: { status: number; text: string };
  try {
    answer = await untilAborted(exchange, controller.signal);
  } catch (error) {
    if (error === timedOut)
      return finish({ delivered: false, accepted: false, error: `the receiver did not answer within ${timeoutMs} ms` });
    return finish({ delivered: false, accepted: false, error: `the callback request failed: ${describeFailure(error)}` });
  } finally {
    clearTimeout(timer);
  }

  let parsed: unknown;
  let isJson = true;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    isJson = false;
  }
  const bodyField = isJson ? { body: parsed } : {};
  if (answer.status !== 200) {
    return finish({
      delivered: false,
      accepted: false,
      status: answer.status,
      ...bodyField,
      error: `the receiver answered HTTP ${answer.status}, not 200`,
    });
  }
  if (!isJson) {
    return finish({ delivered: false, accepted: false, status: 200, error: 'the receiver answered a body that is not JSON' });
  }
  const answered = readCallbackAnswer(parsed);
  const info = (text: string) => (text === '' ? '' : `: ${text}`);
  switch (answered.kind) {
    case 'accepted':
      return finish({ delivered: true, accepted: true, status: 200, body: parsed });
    case 'refused':
      return finish({
        delivered: true,
        accepted: false,
        refused: true,
        status: 200,
        body: parsed,
        error: `the receiver refused with ErrorCode ${answered.errorCode}${info(answered.errorInfo)}`,
      });
    case 'failed':
      return finish({
        delivered: false,
        accepted: false,
        status: 200,
        body: parsed,
        error: `the receiver answered ActionStatus FAIL (it could not process the callback; Tencent counts it as failed, not as a refusal)${info(answered.errorInfo)}`,
      });
    case 'unreadable':
      return finish({
        delivered: true,
        accepted: false,
        status: 200,
        body: parsed,
        error: `the receiver answered JSON that is not a callback answer (${answered.why}, no ErrorCode to go by)`,
      });
  }
}
