import { joinRequestUrl, signedQuery } from '../endpoint/build-request-url.js';
import { drawRandomUint32 } from '../endpoint/random-uint32.js';
import { createRequestEngine, type AnswerFailure, type AttemptOutcome, type EngineAnswer } from '../engine/request-engine.js';
import type { TencentEnvelope } from '../envelope/envelope-schema.js';
import { assertEnvelopeSuccess, parseEnvelope } from '../envelope/parse-envelope.js';
import { TencentApiError } from '../errors/tencent-api-error.js';
import type { TokenwireError } from '../errors/tokenwire-error.js';
import { RequestAbortedError } from '../errors/transport-errors.js';
import { REDACTED, secretFieldValues } from '../redact.js';
import { createFixedUserSigSource, createSigningUserSigSource, type AdminUserSigSource } from './admin-user-sig.js';
import { validateCallArguments, type TencentCallOptions } from './call-options.js';
import { resolveClientOptions, type TencentClientOptions } from './client-options.js';
import { invokeHook, type TencentAttemptEvent } from './hooks.js';
import { createRateLimiter } from './rate-limiter.js';
import { resolveRetryPolicy } from './retry-policy.js';
import { sleep } from '../engine/sleep.js';

/** Tencent's answer to UserSig expired. */
const USER_SIG_EXPIRED = 70001;

/**
 * What a successful call resolves to: the envelope with its payload fields, and `Response` (the payload of the
 * LiveKit `get_*` commands) typed `TResponse`, `unknown` unless the caller says otherwise. The type is the caller's
 * claim: only the envelope is checked at run time.
 */
export type TencentResponseBody<TResponse = unknown> = TencentEnvelope & Record<string, unknown> & { readonly Response?: TResponse };

/** A configured Tencent Cloud Chat / TUILiveKit REST client. */
export interface TencentClient {
  /** The SDKAppID every request is made for. */
  readonly sdkAppId: number;
  /** The App administrator account requests are made as. */
  readonly identifier: string;
  /** The base URL requests go to, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * Calls `POST {baseUrl}/v4/{service}/{command}` with `body` as JSON (`{}` when omitted), retrying per the
   * retry policy, and resolves to the parsed success envelope, payload fields (or `Response`) included.
   *
   * `TResponse` types the answer's `Response` (default `unknown`). It is your claim, not checked: the envelope is
   * parsed (`ActionStatus`, `ErrorCode`, …) and the rest is passed through as Tencent sent it, so parse `Response`
   * with a schema of your own where a wrong shape matters (the commands of `@tokenwire/live-config` do).
   *
   * @throws {@link ValidationError} for a bad service, command, body or option (nothing is sent).
   * @throws {@link TencentApiError} when Tencent answers a non-zero `ErrorCode`.
   * @throws {@link NetworkError}, {@link TimeoutError}, {@link HttpStatusError} or
   *   {@link MalformedResponseError} when the last attempt failed in transport.
   * @throws {@link RequestAbortedError} when `options.signal` aborts.
   * @example
   * ```ts
   * const { Response } = await client.call<{ Token: string; IsTokenEnable: boolean }>('live_config', 'get_callback_token');
   * Response?.IsTokenEnable; // boolean | undefined
   * ```
   */
  call<TResponse = unknown>(
    service: string,
    command: string,
    body?: object,
    options?: TencentCallOptions,
  ): Promise<TencentResponseBody<TResponse>>;
}

/**
 * Creates a client for the Tencent Cloud Chat / TUILiveKit REST API. Options are validated at once (a
 * {@link ValidationError} lists every issue). With `secretKey` the client signs its own admin UserSig, caches
 * it, renews it before expiry and once after 70001; with `userSig` it uses that one as is.
 *
 * Every attempt gets a fresh `random`, a per-attempt deadline covering headers and body (`timeoutMs`, default
 * 10 s), a client-side rate limit per `service/command` (default: at most 200 in any sliding second, waiting
 * callers served in order), an answer size limit (`maxResponseBytes`, default 8 MiB) and the retry policy of
 * `RetryOptions` (default: 3 retries with full-jitter backoff for transient failures and rate limits).
 * Secrets never appear in errors or hook events: the UserSig, the secret key and the string values of
 * top-level body fields named like secrets (`Token`, `UserSig`, …) are replaced by `***` wherever Tencent
 * echoes them, as sent, URL-encoded or in hex; URLs there read `usersig=***`.
 *
 * @throws {@link ValidationError} when the options are invalid.
 * @example
 * ```ts
 * const client = createTencentClient({ sdkAppId: 1400000000, identifier: 'administrator', secretKey, region: 'singapore' });
 * const { Response } = await client.call('live_config', 'get_callback_token');
 * ```
 */
export function createTencentClient(options: TencentClientOptions): TencentClient {
  const config = resolveClientOptions(options);
  const { sdkAppId, identifier, baseUrl, hooks, now } = config;
  const engine = createRequestEngine({ ky: config.ky, fetch: config.fetch });
  const userSigs: AdminUserSigSource =
    config.secretKey !== undefined
      ? createSigningUserSigSource({ sdkAppId, identifier, secretKey: config.secretKey, expireSeconds: config.userSigExpireSeconds, now })
      : createFixedUserSigSource(config.userSig as string);
  const limiter =
    config.requestsPerSecond === false ? undefined : createRateLimiter({ requestsPerSecond: config.requestsPerSecond, now, sleep });
  // The encoded `sdkappid&identifier&usersig` part of the query, rebuilt only when the UserSig changes; and the
  // same with `usersig=***` for hook events (built on first use).
  let query: { readonly userSig: string; readonly text: string } | undefined;
  const queryFor = (userSig: string): string => {
    if (query?.userSig !== userSig) query = { userSig, text: signedQuery(sdkAppId, identifier, userSig) };
    return query.text;
  };
  let redactedQuery: string | undefined;
  const observed = hooks.onRequest !== undefined || hooks.onResponse !== undefined || hooks.onRetry !== undefined;

  async function call<TResponse = unknown>(
    service: string,
    command: string,
    body?: object,
    callOptions?: TencentCallOptions,
  ): Promise<TencentResponseBody<TResponse>> {
    const bodyText = validateCallArguments(service, command, body, callOptions);
    const signal = callOptions?.signal;
    if (signal?.aborted) {
      throw new RequestAbortedError(`Call to ${service}/${command} was aborted by the caller`, { service, command, cause: signal.reason });
    }
    const key = `${service}/${command}`;
    // The attempt under way: its `random` (checked when drawn: a faulty source fails the call before it is sent),
    // its UserSig, and — only when a hook is registered — its event (the URL as `usersig=***`).
    let random = drawRandomUint32(config.random);
    let userSig = userSigs.current();
    let event: TencentAttemptEvent | undefined;
    let startedAt = 0;
    let failedAt = 0;
    let envelope: TencentEnvelope | undefined;
    let renewed = false;
    // What Tencent might echo back: the UserSig of the attempt, the secret key, and secret-named body fields
    // (the callback token of set_callback_token), read once, from the first answer on.
    let sentSecretValues: readonly string[] | undefined;
    const secretsOfCall = (): readonly (string | undefined)[] => {
      sentSecretValues ??= body === undefined ? [] : secretFieldValues(body);
      return [userSig, config.secretKey, ...sentSecretValues];
    };

    const beforeAttempt = async (_request: Request, attempt: number): Promise<string | undefined> => {
      if (attempt > 1) random = drawRandomUint32(config.random);
      if (limiter !== undefined) await limiter.acquire(key, signal);
      if (attempt > 1) userSig = userSigs.current();
      if (observed) {
        // service and command were checked by validateCallArguments.
        redactedQuery ??= signedQuery(sdkAppId, identifier, REDACTED);
        const url = joinRequestUrl(baseUrl, service, command, redactedQuery, random);
        event = { service, command, url, attempt, random };
        invokeHook(hooks.onRequest, event);
        startedAt = now();
      }
      // The first attempt goes to the URL ky was given; every retry gets a fresh random (and a renewed UserSig).
      return attempt === 1 ? undefined : joinRequestUrl(baseUrl, service, command, queryFor(userSig), random);
    };

    const inspect = (answer: EngineAnswer, attempt: number): AnswerFailure | undefined => {
      const context = { service, command, random, attempt, status: answer.status };
      try {
        const parsed = parseEnvelope(answer.body, context);
        assertEnvelopeSuccess(parsed, context, secretsOfCall());
        envelope = parsed;
        return undefined;
      } catch (caught) {
        const error = caught as TokenwireError;
        // An expired UserSig (70001) is renewed once per call and the call repeated at once (a fixed one cannot be).
        if (TencentApiError.isInstance(error) && error.code === USER_SIG_EXPIRED && !renewed && userSigs.renewAfterExpiry(userSig)) {
          renewed = true;
          return { error, retry: 'immediate' };
        }
        return { error };
      }
    };

    const onAttemptEnd = (outcome: AttemptOutcome): void => {
      if (event === undefined) return;
      failedAt = now();
      const requestId = outcome.error === undefined ? envelope?.RequestId : outcome.error.requestId;
      invokeHook(hooks.onResponse, { ...event, status: outcome.status, requestId, durationMs: failedAt - startedAt, error: outcome.error });
    };

    await engine.send({
      url: joinRequestUrl(baseUrl, service, command, queryFor(userSig), random),
      body: bodyText,
      signal,
      timeoutMs: callOptions?.timeoutMs ?? config.timeoutMs,
      responseSizeLimit: config.responseSizeLimit,
      retry: resolveRetryPolicy(callOptions?.retry, config.retryPolicy),
      // The one UserSig renewal after 70001 does not count against the retry limit.
      immediateRetries: config.secretKey === undefined ? 0 : 1,
      random: config.random,
      where: key,
      context: () => ({ service, command, random }),
      secrets: secretsOfCall,
      beforeAttempt,
      inspect,
      ...(observed
        ? {
            onAttemptEnd,
            onRetry: ({ error, immediate }) => {
              if (event === undefined) return;
              invokeHook(hooks.onRetry, {
                ...event,
                status: error.status,
                requestId: error.requestId,
                error,
                delayMs: now() - failedAt,
                reason: immediate ? 'user_sig_renewed' : 'retryable_error',
              });
            },
          }
        : {}),
    });
    // `TResponse` is the caller's claim (see `TencentClient.call`): only the envelope was checked.
    return envelope as TencentResponseBody<TResponse>;
  }

  return Object.freeze({ sdkAppId, identifier, baseUrl, call });
}
