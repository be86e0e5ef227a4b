import {
  decideRetry,
  fullJitterDelay,
  HttpStatusError,
  parseRetryAfter,
  redactSecrets,
  RequestAbortedError,
  sendRequest,
  type ResponseSizeLimit,
  type RetryDecision,
  type RetryPolicy,
  type TokenwireError,
} from '@tokenwire/core';
import { AiccApiError, FLOW_CONTROL_RESULT_CODE } from '../errors/aicc-api-error.js';
import { FabricAuthError, type FabricAuthFailure } from '../errors/fabric-auth-error.js';
import { abortable } from './abortable-wait.js';
import type { AiccResponse } from './aicc-client.js';
import type { AiccTransportSettings } from './transport-settings.js';

/** Where one attempt goes and what it carries; prepared afresh for every attempt (tokens may change). */
export interface ExchangeTarget {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Values that must not appear in any error (credentials of this attempt). */
  readonly secrets: readonly (string | undefined)[];
  /** The credential this attempt used (the AccessToken), for `recover`. */
  readonly credential?: string | undefined;
}

/** How an exchange treats answers saying the client itself is not authenticated. */
export interface AccessRejectionPolicy {
  /** Whether an answer means "your credentials were rejected" (403, and 401 on some routes). */
  isRejection(status: number, headers: Headers | undefined): boolean;
  /** Prepares a replay (drops the rejected AccessToken). Without it, a rejection fails at once. */
  readonly recover?: ((target: ExchangeTarget) => void | Promise<void>) | undefined;
  /** What a rejection that stays means. */
  readonly reason: FabricAuthFailure;
}

/** Everything {@link exchange} needs for one call. */
export interface ExchangeOptions {
  readonly settings: AiccTransportSettings;
  /** The AICC path, for errors. */
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly bodyText: string | undefined;
  readonly idempotent: boolean;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly policy: RetryPolicy;
  /** Whether a 2xx answer may carry AICC's flow-control code (ccmessaging APIs), to be retried. */
  readonly checkFlowControl: boolean;
  readonly accessRejection: AccessRejectionPolicy;
  prepare(signal: AbortSignal | undefined): Promise<ExchangeTarget>;
  readonly onResponseHeaders?: ((headers: Headers) => void) | undefined;
  /** The cap on each answer's body (see `AiccRequest.maxResponseBytes`). */
  readonly responseSizeLimit?: ResponseSizeLimit | undefined;
}

const MAX_DETAIL_LENGTH = 300;

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The code of a flow-control answer (`resultCode` or `returnCode` 10010000002), else `undefined`. */
function flowControlField(body: unknown): 'resultCode' | 'returnCode' | undefined {
  if (field(body, 'resultCode') === FLOW_CONTROL_RESULT_CODE) return 'resultCode';
  if (field(body, 'returnCode') === FLOW_CONTROL_RESULT_CODE) return 'returnCode';
  return undefined;
}

/** The human-readable part of an error body: API Fabric's, AICC's or a gateway's. */
function describeErrorBody(body: unknown): string | undefined {
  const fabric = field(body, 'exceptionInfo');
  if (fabric !== undefined) return [field(body, 'errorCode'), fabric].filter(Boolean).join(' ');
  const aicc = field(body, 'resultDesc');
  if (aicc !== undefined) return [field(body, 'resultCode'), aicc].filter(Boolean).join(' ');
  const gateway = field(body, 'message');
  if (gateway !== undefined) return [field(body, 'error'), gateway].filter(Boolean).join(': ');
  return undefined;
}

function clip(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…` : text;
}

/** Repeats the transport's HttpStatusError with what the error body says, secrets redacted. */
function enrichHttpError(error: TokenwireError, body: unknown, secrets: readonly (string | undefined)[]): TokenwireError {
  if (!HttpStatusError.isInstance(error) || error.status === undefined) return error;
  const detail = describeErrorBody(body);
  if (detail === undefined) return error;
  return new HttpStatusError(`${error.message}: ${clip(redactSecrets(detail, secrets))}`, {
    ...error.context,
    status: error.status,
    retryable: error.retryable,
  });
}

function isUnprocessedAnswer(error: unknown): boolean {
  return HttpStatusError.isInstance(error) && (error.status === 429 || error.status === 503);
}

function decide(
  error: TokenwireError,
  retries: number,
  options: ExchangeOptions,
  retryAfterMs: number | undefined,
): RetryDecision {
  const { policy, settings } = options;
  if (AiccApiError.isInstance(error)) {
    if (error.code !== FLOW_CONTROL_RESULT_CODE || retries >= policy.limit) return { retry: false };
    return { retry: true, delayMs: fullJitterDelay(retries, policy.rateLimitBaseDelayMs, policy.rateLimitMaxDelayMs, settings.jitter()) };
  }
  if (!options.idempotent && !isUnprocessedAnswer(error)) return { retry: false };
  return decideRetry({ error, retriesSoFar: retries, policy, jitter: settings.jitter, retryAfterMs });
}

function notify(hook: ((headers: Headers) => void) | undefined, headers: Headers): void {
  if (hook === undefined) return;
  try {
    hook(headers);
  } catch {
    // An observer's failure is not the call's failure.
  }
}

/**
 * Sends one AICC call with core's one-attempt transport and repeats it per the retry policy: transient failures
 * with backoff (non-idempotent calls only after answers proving they were not processed), AICC flow control like
 * HTTP 429, and one immediate replay after the access-rejection policy recovered (a refreshed AccessToken).
 *
 * @internal
 */
export async function exchange(options: ExchangeOptions): Promise<AiccResponse> {
  const { settings, path, signal } = options;
  let attempt = 0;
  let retries = 0;
  let recovered = false;
  for (;;) {
    if (signal?.aborted) throw new RequestAbortedError(`Call to ${path} was aborted by the caller`, { path, cause: signal.reason });
    const target = await options.prepare(signal);
    attempt += 1;
    const result = await sendRequest({
      url: target.url,
      method: options.method,
      headers: target.headers,
      body: options.bodyText,
      fetch: settings.fetch,
      timeoutMs: options.timeoutMs,
      signal,
      sleep: settings.sleep,
      path,
      attempt,
      secrets: target.secrets,
      readErrorBody: true,
      responseSizeLimit: options.responseSizeLimit,
    });
    if (result.headers !== undefined) notify(options.onResponseHeaders, result.headers);

    let error: TokenwireError;
    let retryAfterMs: number | undefined;
    if (result.ok) {
      const flowControl = options.checkFlowControl ? flowControlField(result.body) : undefined;
      if (flowControl === undefined) {
        const secrets = target.secrets;
        return { path, status: result.status, headers: result.headers, body: result.body, attempt, redact: (text) => redactSecrets(text, secrets) };
      }
      const description = field(result.body, 'resultDesc');
      error = new AiccApiError({
        code: FLOW_CONTROL_RESULT_CODE,
        field: flowControl,
        description: description === undefined ? undefined : redactSecrets(description, target.secrets),
        path,
        status: result.status,
        attempt,
      });
    } else {
      if (RequestAbortedError.isInstance(result.error)) throw result.error;
      if (result.status !== undefined && options.accessRejection.isRejection(result.status, result.headers)) {
        const { recover, reason } = options.accessRejection;
        if (!recovered && recover !== undefined) {
          recovered = true;
          await recover(target);
          continue;
        }
        const exceptionInfo = field(result.body, 'exceptionInfo') ?? field(result.body, 'resultDesc') ?? field(result.body, 'message');
        throw new FabricAuthError({
          reason,
          errorCode: field(result.body, 'errorCode') ?? field(result.body, 'resultCode') ?? field(result.body, 'error'),
          exceptionInfo: exceptionInfo === undefined ? undefined : clip(redactSecrets(exceptionInfo, target.secrets)),
          path,
          status: result.status,
          attempt,
        });
      }
      error = enrichHttpError(result.error, result.body, target.secrets);
      retryAfterMs = parseRetryAfter(result.headers?.get('retry-after'), settings.now());
    }
    const decision = decide(error, retries, options, retryAfterMs);
    if (!decision.retry) throw error;
    retries += 1;
    await abortable(settings.sleep(decision.delayMs, signal), signal, `Call to ${path}`, path);
  }
}
