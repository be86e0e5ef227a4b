import type { AccessTokenGrant, AiccAccessTokenSource } from '@tokenwire/aicc-messaging/gateway';
import type { Clock } from '@tokenwire/core';
import type { DurableObjectNamespaceLike } from '../env.js';
import type { AiccTokenCommand, AiccTokenLease } from './aicc-token-object.js';

/** The name of the one `AiccTokenObject` of an app. */
export const AICC_TOKEN_OBJECT_NAME = 'app';

/**
 * An isolate's {@link AiccAccessTokenSource} over the app's `AiccTokenObject` (binding `AICC_TOKEN`): the isolate
 * keeps the object's token until its `refreshAtMs` (no round trip per call) and asks the object for the next one,
 * one request in flight per isolate; the object makes one `tokenByAkSk` for all of them (while it cannot answer, a
 * copy due for replacement is used until it expires). A 403 drops the isolate's copy and asks the object whether
 * the token is renewed (the app-wide refresh floor); an object that cannot be reached then answers "no" (AICC's 403
 * is relayed, nothing is repeated). A `get` the object cannot serve rejects with an error named as the object's
 * failure (`FabricAuthError`, …), so the gateway logs and answers as without it.
 */
export function durableAccessTokenSource(namespace: DurableObjectNamespaceLike, now: Clock): AiccAccessTokenSource {
  let grant: AccessTokenGrant | undefined;
  let pending: Promise<AccessTokenGrant> | undefined;
  const ask = async (command: AiccTokenCommand): Promise<unknown> => {
    const object = namespace.get(namespace.idFromName(AICC_TOKEN_OBJECT_NAME));
    const response = await object.fetch('https://aicc-token/', { method: 'POST', body: JSON.stringify(command) });
    const answer = (await response.json()) as { readonly error?: string };
    if (response.ok) return answer;
    const failure = new Error(`AiccTokenObject answered HTTP ${response.status}`);
    failure.name = answer.error ?? failure.name;
    throw failure;
  };
  const leased = async (): Promise<AccessTokenGrant> => {
    let lease: AiccTokenLease;
    try {
      lease = (await ask({ op: 'get' })) as AiccTokenLease;
    } catch (error) {
      // The copy due for replacement still works until it expires: keep it while the object cannot answer.
      if (grant !== undefined && now() < grant.expiresAtMs) return grant;
      throw error;
    }
    const { accessToken, ...lifetime } = lease;
    // The token is not enumerable: a spread or JSON of the grant never shows it.
    grant = Object.freeze(Object.defineProperty(lifetime, 'accessToken', { value: accessToken }) as AccessTokenGrant);
    return grant;
  };
  return {
    get(waitUntil) {
      if (grant !== undefined && now() < grant.refreshAtMs) return Promise.resolve(grant);
      pending ??= leased().finally(() => {
        pending = undefined;
      });
      waitUntil?.(pending.catch(() => undefined));
      return pending;
    },
    async invalidate(accessToken) {
      if (grant?.accessToken === accessToken) grant = undefined;
      try {
        return ((await ask({ op: 'invalidate', accessToken })) as { readonly renewed: boolean }).renewed;
      } catch {
        return false;
      }
    },
  };
}
