import { joinRequestUrl, signedQuery } from '../endpoint/build-request-url.js';
import { drawRandomUint32 } from '../endpoint/random-uint32.js';
import type { TencentEnvelope } from '../envelope/envelope-schema.js';
import { assertEnvelopeSuccess, parseEnvelope } from '../envelope/parse-envelope.js';
import { TencentApiError } from '../errors/tencent-api-error.js';
import type { TokenwireError } from '../errors/tokenwire-error.js';
import { RequestAbortedError } from '../errors/transport-errors.js';
import { REDACTED } from '../redact.js';
import { createFixedUserSigSource, createSigningUserSigSource, type AdminUserSigSource } from './admin-user-sig.js';
import { validateCallArguments, type TencentCallOptions } from './call-options.js';
import { resolveClientOptions, type TencentClientOptions } from './client-options.js';
import { invokeHook, type TencentAttemptEvent } from './hooks.js';
import { createRateLimiter } from './rate-limiter.js';
import { decideRetry, parseRetryAfter, resolveRetryPolicy } from './retry-policy.js';
import { sendRequest } from './transport.js';

/** Tencent's answer to UserSig expired. */
const USER_SIG_EXPIRED = 70001;

/** What a successful call resolves to when no type is given: the envelope with its payload fields. */
export type TencentResponseBody = TencentEnvelope & Record<string, unknown>;

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
   * `T` is not checked at run time; validate the payload with a schema where it matters.
   *
   * @throws {@link ValidationError} for a bad service, command, body or option (nothing is sent).
   * @throws {@link TencentApiError} when Tencent answers a non-zero `ErrorCode`.
   * @throws {@link NetworkError}, {@link TimeoutError}, {@link HttpStatusError} or
   *   {@link MalformedResponseError} when the last attempt failed in transport.
   * @throws {@link RequestAbortedError} when `options.signal` aborts.
   */
  call<T = TencentResponseBody>(service: string, command: string, body?: object, options?: TencentCallOptions): Promise<T>;
}

/**
 * Races `wait` against the caller's signal, so an abort ends a rate-limit wait or a backoff at once even when
 * an injected sleep ignores its signal.
 */
async function waitUnlessAborted(wait: Promise<void>, signal: AbortSignal | undefined, aborted: () => TokenwireError): Promise<void> {
  if (signal === undefined) return wait;
  let onAbort: (() => void) | undefined;
  const abortion = new Promise<never>((_, reject) => {
    onAbort = () => reject(aborted());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([wait, abortion]);
  } catch (error) {
    if (signal.aborted) throw aborted();
    throw error;
  } finally {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Creates a client for the Tencent Cloud Chat / TUILiveKit REST API. Options are validated at once (a
 * {@link ValidationError} lists every issue). With `secretKey` the client signs its own admin UserSig, caches
 * it, renews it before expiry and once after 70001; with `userSig` it uses that one as is.
 *
 * Every attempt gets a fresh `random`, a per-attempt deadline covering headers and body (`timeoutMs`, default
 * 10 s), a client-side rate limit per `service/command` (default 200/s) and the retry policy of
 * `RetryOptions` (default: 3 retries with full-jitter backoff for transient failures and rate limits).
 * Secrets never appear in errors or hook events; URLs there read `usersig=***`.
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
  const userSigs: AdminUserSigSource =
    config.secretKey !== undefined
      ? createSigningUserSigSource({ sdkAppId, identifier, secretKey: config.secretKey, expireSeconds: config.userSigExpireSeconds, now })
      : createFixedUserSigSource(config.userSig as string);
  const limiter =
    config.requestsPerSecond === false ? undefined : createRateLimiter({ requestsPerSecond: config.requestsPerSecond, now, sleep: config.sleep });
  const jitter = (): number => drawRandomUint32(config.random) / 4_294_967_296;
  // The encoded `sdkappid&identifier&usersig` part of the query, rebuilt only when the UserSig changes; and the
  // same with `usersig=***` for hook events (built on first use).
  let query: { readonly userSig: string; readonly text: string } | undefined;
  const queryFor = (userSig: string): string => {
    if (query?.userSig !== userSig) query = { userSig, text: signedQuery(sdkAppId, identifier, userSig) };
    return query.text;
  };
  let redactedQuery: string | undefined;

  async function call<T = TencentResponseBody>(service: string, command: string, body?: object, callOptions?: TencentCallOptions): Promise<T> {
    const bodyText = validateCallArguments(service, command, body, callOptions);
    const signal = callOptions?.signal;
    const timeoutMs = callOptions?.timeoutMs ?? config.timeoutMs;
    const policy = resolveRetryPolicy(callOptions?.retry, config.retryPolicy);
    let attempt = 0;
    let lastRandom: number | undefined;
    const aborted = (): TokenwireError =>
      new RequestAbortedError(`Call to ${service}/${command} was aborted by the caller`, {
        service,
        command,
        random: lastRandom,
        attempt: attempt === 0 ? undefined : attempt,
        cause: signal?.reason,
      });
    let retries = 0;
    let renewedUserSig = false;

    for (;;) {
      if (signal?.aborted) throw aborted();
      // Drawn (and checked) before the rate limiter hands out a slot: a faulty source fails the call unsent.
      const random = drawRandomUint32(config.random);
      if (limiter !== undefined) await waitUnlessAborted(limiter.acquire(`${service}/${command}`, signal), signal, aborted);
      attempt += 1;
      const userSig = userSigs.current();
      const secrets = [userSig, config.secretKey];
      lastRandom = random;
      // service and command were checked by validateCallArguments.
      const url = joinRequestUrl(baseUrl, service, command, queryFor(userSig), random);
      // The hook event, with the same URL as `usersig=***` (as `redactUrl(url)` would give it), is built only
      // when a hook is registered: the hot path skips a second URL and the event objects.
      const observed = hooks.onRequest !== undefined || hooks.onResponse !== undefined || hooks.onRetry !== undefined;
      const event: TencentAttemptEvent | undefined = observed
        ? { service, command, url: joinRequestUrl(baseUrl, service, command, (redactedQuery ??= signedQuery(sdkAppId, identifier, REDACTED)), random), attempt, random }
        : undefined;
      if (event) invokeHook(hooks.onRequest, event);
      const startedAt = observed ? now() : 0;
      const result = await sendRequest({
        url,
        body: bodyText,
        fetch: config.fetch,
        timeoutMs,
        signal,
        sleep: config.sleep,
        service,
        command,
        random,
        attempt,
        secrets,
      });

      let error: TokenwireError;
      if (result.ok) {
        const context = { service, command, random, attempt, status: result.status };
        try {
          const envelope = parseEnvelope(result.body, context);
          assertEnvelopeSuccess(envelope, context, secrets);
          if (event) {
            invokeHook(hooks.onResponse, {
              ...event,
              status: result.status,
              requestId: envelope.RequestId,
              durationMs: now() - startedAt,
              error: undefined,
            });
          }
          return envelope as T;
        } catch (caught) {
          error = caught as TokenwireError;
        }
      } else {
        error = result.error;
      }
      const failure = event && { ...event, status: result.status, requestId: error.requestId };
      if (failure) invokeHook(hooks.onResponse, { ...failure, durationMs: now() - startedAt, error });
      if (RequestAbortedError.isInstance(error as unknown)) throw error;

      if (TencentApiError.isInstance(error) && error.code === USER_SIG_EXPIRED && !renewedUserSig && userSigs.renewAfterExpiry(userSig)) {
        renewedUserSig = true;
        if (failure) invokeHook(hooks.onRetry, { ...failure, error, delayMs: 0, reason: 'user_sig_renewed' });
        continue;
      }

      const retryAfterMs = result.ok ? undefined : parseRetryAfter(result.headers?.get('retry-after'), now());
      const decision = decideRetry({ error, retriesSoFar: retries, policy, jitter, retryAfterMs });
      if (!decision.retry) throw error;
      retries += 1;
      if (failure) invokeHook(hooks.onRetry, { ...failure, error, delayMs: decision.delayMs, reason: 'retryable_error' });
      await waitUnlessAborted(config.sleep(decision.delayMs, signal), signal, aborted);
    }
  }

  return Object.freeze({ sdkAppId, identifier, baseUrl, call });
}
