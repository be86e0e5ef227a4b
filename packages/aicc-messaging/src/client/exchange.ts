import { HttpStatusError, redactSecrets, type RetryPolicy, type TokenwireError } from '@tokenwire/core';
import type { AnswerFailure, EngineAnswer, ResponseSizeLimit } from '@tokenwire/core/internal';
import { AiccApiError, FLOW_CONTROL_RESULT_CODE } from '../errors/aicc-api-error.js';
import { FabricAuthError, type FabricAuthFailure } from '../errors/fabric-auth-error.js';
import { GatewayError } from '../errors/gateway-error.js';
import { GATEWAY_ERROR_HEADER } from '../gateway/gateway-contract.js';
import type { AiccResponse } from './aicc-client.js';
import { answerField, clipDetail, describeAnswer } from './answer-detail.js';
import { MESSAGE_TOKEN_HEADER } from './ccmessaging-apis.js';
import { isMessageTokenRejection, type MessageTokenSource } from './message-token-source.js';
import type { AiccTransportSettings } from './transport-settings.js';

/** How one attempt authenticates: fetched afresh before every attempt (tokens change). */
export interface AttemptAuthorization {
  /** The `Authorization` header value, if the attempt sends one. */
  readonly authorization?: string | undefined;
  /** Values that must not appear in any error (the credentials of this attempt). */
  readonly secrets: readonly (string | undefined)[];
  /** The AccessToken the attempt used, for {@link AccessRejectionPolicy.recover}. */
  readonly credential?: string | undefined;
}

/** How an exchange treats answers saying the client itself is not authenticated. */
export interface AccessRejectionPolicy {
  /** Whether an answer means "your credentials were rejected" (403, and 401 on some routes). */
  isRejection(status: number, headers: Headers): boolean;
  /** Prepares a replay (drops the rejected AccessToken). Without it, a rejection fails at once. */
  readonly recover?: ((credential: string | undefined) => void) | undefined;
  /** What a rejection that stays means. */
  readonly reason: FabricAuthFailure;
}

/** Everything {@link exchange} needs for one call. */
export interface ExchangeOptions {
  readonly settings: AiccTransportSettings;
  /** The AICC path, for errors. */
  readonly path: string;
  /** Where the call goes (a gateway route or the AICC path, with its query). It never appears in an error. */
  readonly url: string;
  readonly method: 'GET' | 'POST';
  /** Headers every attempt sends (`Content-Type`, `x-app-key`, …); the engine adds `Accept`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText: string | undefined;
  readonly idempotent: boolean;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly policy: RetryPolicy;
  /** Whether a 2xx answer may carry AICC's flow-control code (ccmessaging APIs), to be retried. */
  readonly checkFlowControl: boolean;
  readonly accessRejection: AccessRejectionPolicy;
  /** The authentication of the next attempt. */
  authorize(signal: AbortSignal | undefined): Promise<AttemptAuthorization>;
  /** The `ccmessaging-token`: none, a fixed one, or a source that renews and rotates it (a session's). */
  readonly messageToken?: string | MessageTokenSource | undefined;
  readonly onResponseHeaders?: ((headers: Headers) => void) | undefined;
  /** The cap on each answer's body (see `AiccRequest.maxResponseBytes`). */
  readonly responseSizeLimit?: ResponseSizeLimit | undefined;
  /** Through a gateway: the URL called, without its query; its own answers are {@link GatewayError}s. */
  readonly gatewayUrl?: string | undefined;
}

/** The code of a flow-control answer (`resultCode` or `returnCode` 10010000002), else `undefined`. */
function flowControlField(body: unknown): 'resultCode' | 'returnCode' | undefined {
  if (answerField(body, 'resultCode') === FLOW_CONTROL_RESULT_CODE) return 'resultCode';
  if (answerField(body, 'returnCode') === FLOW_CONTROL_RESULT_CODE) return 'returnCode';
  return undefined;
}

/** The engine's HttpStatusError again, with what the error body says, secrets redacted. */
function enrichHttpError(error: HttpStatusError, body: unknown, secrets: readonly (string | undefined)[]): HttpStatusError {
  const detail = describeAnswer(body);
  if (detail === undefined || error.status === undefined) return error;
  return new HttpStatusError(`${error.message}: ${clipDetail(redactSecrets(detail, secrets))}`, {
    ...error.context,
    status: error.status,
    retryable: error.retryable,
  });
}

/** Answers proving a call was not processed, so that repeating it is harmless: HTTP 429 and 503, AICC flow control. */
function isUnprocessedAnswer(error: TokenwireError): boolean {
  return AiccApiError.isInstance(error) || (HttpStatusError.isInstance(error) && (error.status === 429 || error.status === 503));
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
 * Sends one AICC call through core's request engine, where ky makes the attempts, retries them with backoff and
 * `Retry-After` and bounds each by `timeoutMs`. AICC's semantics run as the engine's hooks:
 *
 * - before every attempt (`beforeAttempt`): the `ccmessaging-token` from the source (renewed after a rejection)
 *   and the authentication (`authorize`: an AccessToken from the cache, a gateway's `getAuthorization`);
 * - every answer's headers: a rotated `ccmessaging-token` goes to the source, and to `onResponseHeaders`;
 * - a 2xx answer with AICC flow control is retried like HTTP 429 (`inspect`);
 * - a non-2xx answer (`inspectFailure`, with its body): an access rejection drops the AccessToken and replays
 *   once at once, then is a {@link FabricAuthError}; a rejected `ccmessaging-token` is renewed and the call
 *   replayed once at once; a gateway's own answer is a {@link GatewayError} (never replayed at once); any other is
 *   an `HttpStatusError` saying what the body says;
 * - a call that is not idempotent is retried only after answers proving it was not processed (`mayRetry`).
 *
 * @internal
 */
export async function exchange(options: ExchangeOptions): Promise<AiccResponse> {
  const { settings, path, signal, accessRejection, messageToken } = options;
  const source = typeof messageToken === 'string' ? undefined : messageToken;
  let secrets: readonly (string | undefined)[] = [];
  let credential: string | undefined;
  let sentWith = typeof messageToken === 'string' ? messageToken : undefined;
  let rejected: string | undefined; // a token AICC rejected: the next attempt renews it
  let recovered = false; // the AccessToken was refreshed once (or must not be any more)
  let reapplied = false; // the ccmessaging-token was renewed once
  let answered = 0;

  const beforeAttempt = async (request: Request): Promise<undefined> => {
    if (source !== undefined) {
      sentWith = rejected === undefined ? await source.current(signal) : await source.renew(rejected, signal);
      rejected = undefined;
    }
    const authorization = await options.authorize(signal);
    secrets = [...authorization.secrets, sentWith];
    credential = authorization.credential;
    if (authorization.authorization !== undefined) request.headers.set('authorization', authorization.authorization);
    if (sentWith !== undefined) request.headers.set(MESSAGE_TOKEN_HEADER, sentWith);
    return undefined;
  };

  const inspect = ({ status, body }: EngineAnswer, attempt: number): AnswerFailure | undefined => {
    const flowControl = options.checkFlowControl ? flowControlField(body) : undefined;
    if (flowControl === undefined) {
      answered = attempt;
      return undefined;
    }
    const description = answerField(body, 'resultDesc');
    return {
      error: new AiccApiError({
        code: FLOW_CONTROL_RESULT_CODE,
        field: flowControl,
        description: description === undefined ? undefined : redactSecrets(description, secrets),
        path,
        status,
        attempt,
      }),
    };
  };

  const inspectFailure = ({ status, headers, body }: EngineAnswer, error: HttpStatusError, attempt: number): AnswerFailure => {
    let failure: TokenwireError;
    const code = options.gatewayUrl === undefined ? null : headers.get(GATEWAY_ERROR_HEADER);
    if (code !== null) {
      const message = answerField(body, 'message');
      return {
        error: new GatewayError({
          code,
          url: options.gatewayUrl!,
          status,
          description: message === undefined ? undefined : clipDetail(redactSecrets(message, secrets)),
          attempt,
        }),
      };
    }
    if (accessRejection.isRejection(status, headers)) {
      if (!recovered && accessRejection.recover !== undefined) {
        recovered = true;
        accessRejection.recover(credential);
        return { error, retry: 'immediate' };
      }
      const exceptionInfo = answerField(body, 'exceptionInfo') ?? answerField(body, 'resultDesc') ?? answerField(body, 'message');
      failure = new FabricAuthError({
        reason: accessRejection.reason,
        errorCode: answerField(body, 'errorCode') ?? answerField(body, 'resultCode') ?? answerField(body, 'error'),
        exceptionInfo: exceptionInfo === undefined ? undefined : clipDetail(redactSecrets(exceptionInfo, secrets)),
        path,
        status,
        attempt,
      });
    } else {
      failure = enrichHttpError(error, body, secrets);
    }
    if (source !== undefined && sentWith !== undefined && !reapplied && isMessageTokenRejection(failure, headers)) {
      reapplied = true;
      rejected = sentWith;
      // The AccessToken was refreshed just before a 403 that leads here: another refresh would not help.
      if (FabricAuthError.isInstance(failure)) recovered = true;
      return { error: failure, retry: 'immediate' };
    }
    return { error: failure };
  };

  const answer = await settings.engine.send({
    url: options.url,
    method: options.method,
    headers: options.headers,
    body: options.bodyText,
    signal,
    timeoutMs: options.timeoutMs,
    retry: options.policy,
    // The replay after an AccessToken refresh and the one after a re-applied ccmessaging-token are not retries.
    immediateRetries: (accessRejection.recover === undefined ? 0 : 1) + (source === undefined ? 0 : 1),
    random: settings.random,
    where: path,
    context: () => ({ path }),
    secrets: () => secrets,
    readErrorBody: true,
    responseSizeLimit: options.responseSizeLimit,
    beforeAttempt,
    inspect,
    inspectFailure,
    mayRetry: options.idempotent ? undefined : isUnprocessedAnswer,
    onAttemptEnd: ({ headers }) => {
      if (headers === undefined) return;
      if (source !== undefined && sentWith !== undefined) {
        const token = sentWith;
        notify((received) => source.adopt(token, received.get(MESSAGE_TOKEN_HEADER)), headers);
      }
      notify(options.onResponseHeaders, headers);
    },
  });
  const answeredSecrets = secrets;
  return {
    path,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    attempt: answered,
    redact: (text) => redactSecrets(text, answeredSecrets),
  };
}
