import { HttpStatusError } from '@tokenwire/core';
import type * as v from 'valibot';
import type { AiccClient, AiccRequest, AiccResponse } from '../client/aicc-client.js';
import { MESSAGE_TOKEN_HEADER } from '../client/ccmessaging-apis.js';
import { assertBusinessSuccess, assertNoBusinessFailure, parseResponse, type BusinessOutcome, type OutcomeField } from '../client/parse-response.js';
import { FabricAuthError } from '../errors/fabric-auth-error.js';
import { GATEWAY_ERROR_HEADER } from '../gateway/gateway-contract.js';
import type { AiccUser } from '../token/aicc-user.js';
import type { MessageTokenHolder } from './message-token-holder.js';

/** A call a session makes: an {@link AiccRequest} without the token, which the session adds. */
export type SessionRequest = Omit<AiccRequest, 'messageToken' | 'onResponseHeaders'>;

/** Settings of a session, validated, with defaults applied. */
export interface SessionSettings {
  readonly pollTimeoutMs: number;
  readonly maxUploadBytes: number;
  readonly maxDownloadBytes: number;
  readonly userAgent: string | undefined;
  readonly senderAvatar: string | undefined;
}

/** What the session's API functions share: the client, the user and an authenticated call. */
export interface SessionContext {
  readonly client: AiccClient;
  readonly user: AiccUser;
  readonly settings: SessionSettings;
  /**
   * Makes a call with the session's `ccmessaging-token`: adopts a rotated token from any answer; after a 401 from
   * AICC, or an API Fabric 403 that survived the client's AccessToken refresh (devg-voip-cec cec_05_1010: a 403
   * while long-polling means both tokens expired), re-applies the token once (shared with concurrent calls) and
   * replays once. A 401 a gateway produced itself (header {@link GATEWAY_ERROR_HEADER}: it refused the caller,
   * e.g. an expired user JWT) goes to the caller as it is, without a re-apply.
   */
  call(request: SessionRequest): Promise<AiccResponse>;
}

/**
 * Whether a call failed because AICC may have rejected its `ccmessaging-token`: a 401 a gateway did not produce
 * itself, or a 403 of API Fabric that a fresh AccessToken did not cure ({@link FabricAuthError}
 * `access_token_rejected`, from the direct client after its refresh and replay, or relayed by a gateway after its
 * own).
 */
function isMessageTokenRejection(error: unknown, fromGateway: boolean): boolean {
  if (HttpStatusError.isInstance(error)) return error.status === 401 && !fromGateway;
  return FabricAuthError.isInstance(error) && error.reason === 'access_token_rejected' && error.status === 403;
}

/**
 * Creates the authenticated call of a session around its token holder. At most one re-apply and one replay per
 * call. The replay after a 403 does not refresh the AccessToken again (a 403 then is final), so a persistent 403
 * costs one `tokenByAkSk` for all the calls that meet it at once, not one per call.
 *
 * @internal
 */
export function createSessionCall(client: AiccClient, tokens: MessageTokenHolder): SessionContext['call'] {
  return async (request) => {
    let token = await tokens.current(request.signal);
    let afterFabricRejection = false;
    for (let replayed = false; ; replayed = true) {
      const sentWith = token;
      let fromGateway = false;
      try {
        return await client.request({
          ...request,
          // The AccessToken was refreshed just before the 403 that led here: another refresh would not help.
          ...(afterFabricRejection ? { refreshAccessTokenOn403: false } : {}),
          messageToken: sentWith,
          onResponseHeaders: (headers) => {
            fromGateway = headers.has(GATEWAY_ERROR_HEADER);
            tokens.adopt(sentWith, headers.get(MESSAGE_TOKEN_HEADER));
          },
        });
      } catch (error) {
        if (replayed || !isMessageTokenRejection(error, fromGateway)) throw error;
        afterFabricRejection = FabricAuthError.isInstance(error);
        token = await tokens.renew(sentWith, request.signal);
      }
    }
  };
}

/**
 * Makes a session call, parses the answer with `schema` and checks its business outcome.
 *
 * @throws {@link AiccApiError} when `field` reports a failure.
 * @internal
 */
export async function callApi<TSchema extends v.GenericSchema<unknown, BusinessOutcome>>(
  context: SessionContext,
  request: SessionRequest,
  schema: TSchema,
  field: OutcomeField = 'resultCode',
): Promise<v.InferOutput<TSchema>> {
  const response = await context.call(request);
  const outcome = { path: response.path, status: response.status, attempt: response.attempt, redact: response.redact };
  // A failure answer lacks the success payload: report it as the refusal it is before the schema would call it malformed.
  assertNoBusinessFailure(response.body, field, outcome);
  const parsed = parseResponse(schema, response.body, outcome);
  assertBusinessSuccess(parsed, field, outcome);
  return parsed;
}
