import { HttpStatusError } from '@tokenwire/core';
import { FabricAuthError } from '../errors/fabric-auth-error.js';
import { GATEWAY_ERROR_HEADER } from '../gateway/gateway-contract.js';

/**
 * Where a call gets its `ccmessaging-token` when it is not a fixed string: what a session hands the client (its
 * token holder), so that the token's whole lifecycle runs inside the call's attempts. The client asks
 * {@link MessageTokenSource.current} before every attempt, tells {@link MessageTokenSource.adopt} every answer's
 * `ccmessaging-token` header, and after AICC rejected the token asks {@link MessageTokenSource.renew} once and
 * replays the call once with what it returns.
 *
 * @example
 * ```ts
 * let token = await applyToken(client, user);
 * const source: MessageTokenSource = {
 *   current: async () => token.token,
 *   renew: async () => (token = await applyToken(client, user)).token,
 *   adopt: (sentWith, header) => header !== null && sentWith === token.token && header !== sentWith,
 * };
 * await client.request({ api: 'queryQueueInfo', body, messageToken: source });
 * ```
 */
export interface MessageTokenSource {
  /** The token to send with the next attempt. `signal` is the call's: it ends the wait, not a shared `applyToken`. */
  current(signal?: AbortSignal): Promise<string>;
  /** AICC rejected `rejected`: the token to replay with (a re-applied one, or one that replaced it meanwhile). */
  renew(rejected: string, signal?: AbortSignal): Promise<string>;
  /**
   * An answer to an attempt sent with `sentWith` carried `header` as its `ccmessaging-token` (`null`: none). Returns
   * whether the source took it as its new token (AICC rotated it).
   */
  adopt(sentWith: string, header: string | null): boolean;
}

/** True for a {@link MessageTokenSource} (as opposed to a token string). */
export function isMessageTokenSource(value: unknown): value is MessageTokenSource {
  const source = value as Partial<MessageTokenSource> | null;
  return (
    typeof source === 'object' &&
    source !== null &&
    typeof source.current === 'function' &&
    typeof source.renew === 'function' &&
    typeof source.adopt === 'function'
  );
}

/**
 * Whether a failed answer means AICC may have rejected the call's `ccmessaging-token`: a 401 a gateway did not
 * produce itself (its own 401 refuses the end user, e.g. an expired JWT, and carries {@link GATEWAY_ERROR_HEADER}),
 * or an API Fabric 403 that a fresh AccessToken did not cure ({@link FabricAuthError} `access_token_rejected`: on a
 * long poll it means both tokens expired, devg-voip-cec cec_05_1010).
 *
 * @internal
 */
export function isMessageTokenRejection(error: unknown, headers: Headers): boolean {
  if (FabricAuthError.isInstance(error)) return error.reason === 'access_token_rejected' && error.status === 403;
  return HttpStatusError.isInstance(error) && error.status === 401 && !headers.has(GATEWAY_ERROR_HEADER);
}
