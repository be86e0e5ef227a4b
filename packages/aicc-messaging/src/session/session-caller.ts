import type * as v from 'valibot';
import type { AiccClient, AiccRequest, AiccResponse } from '../client/aicc-client.js';
import type { MessageTokenSource } from '../client/message-token-source.js';
import {
  assertBusinessSuccess,
  assertNoBusinessFailure,
  parseResponse,
  type BusinessOutcome,
  type OutcomeField,
} from '../client/parse-response.js';
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
   * replays once. A 401 a gateway produced itself (header `x-aicc-gateway-error`: it refused the caller, e.g. an
   * expired user JWT) goes to the caller as it is, without a re-apply.
   */
  call(request: SessionRequest): Promise<AiccResponse>;
}

/**
 * Creates the authenticated call of a session around its token holder: every call takes its `ccmessaging-token`
 * from the holder (as a {@link MessageTokenSource}), so the client adopts rotated tokens, and re-applies the token
 * once and replays once after AICC rejected it, inside the call's own attempts.
 *
 * @internal
 */
export function createSessionCall(client: AiccClient, tokens: MessageTokenHolder): SessionContext['call'] {
  return (request) => client.request({ ...request, messageToken: tokens });
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
