import type { UserJwtConfig } from '../config/user-jwt-config.js';
import { errorResponse } from '../http/error-response.js';
import { verifyUserJwt, type UserJwtClaims } from './user-jwt.js';

/** The outcome of {@link authenticateUser}: the user's claims, or the 401 to answer. */
export type Authentication = { readonly ok: true; readonly claims: UserJwtClaims } | { readonly ok: false; readonly response: Response };

/**
 * Authenticates the end user of a browser route by `Authorization: Bearer <JWT>` (HS256, `USER_JWT_SECRET`).
 * Failure → 401 `unauthorized` with `WWW-Authenticate: Bearer error="invalid_token"` and the reason code in the
 * message (`expired`, `bad_signature`, …) — never the token.
 */
export async function authenticateUser(request: Request, config: UserJwtConfig, nowMilliseconds: number): Promise<Authentication> {
  const header = request.headers.get('authorization');
  const match = header === null ? null : /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header);
  const result = await verifyUserJwt(match?.[1], config, nowMilliseconds);
  if (result.ok) return result;
  const challenge = result.failure === 'missing_token' ? 'Bearer' : `Bearer error="invalid_token", error_description="${result.failure}"`;
  return {
    ok: false,
    response: errorResponse(401, 'unauthorized', `A valid end-user JWT is required (Authorization: Bearer …): ${result.failure}`, {
      'www-authenticate': challenge,
    }),
  };
}
