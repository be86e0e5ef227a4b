import type { Clock } from '@tokenwire/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { UserJwtConfig } from '../config/user-jwt-config.js';
import { errorResponse } from '../http/error-response.js';
import type { WorkerHonoEnv } from '../worker-hono-env.js';
import { verifyUserJwt } from './user-jwt.js';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/**
 * Middleware: authenticates the end user of a browser route by `Authorization: Bearer <JWT>` (HS256, the
 * `USER_JWT_SECRET` of `jwtConfig(c)`) and sets `c.var.user`. Before any body is read. Failure → 401
 * `unauthorized` with `WWW-Authenticate: Bearer error="invalid_token"` and the reason code in the message
 * (`expired`, `bad_signature`, …) — never the token.
 */
export function authenticateUser(jwtConfig: (c: Context<WorkerHonoEnv>) => UserJwtConfig, now: Clock): MiddlewareHandler<WorkerHonoEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    const result = await verifyUserJwt(token, jwtConfig(c), now());
    if (!result.ok) {
      const challenge =
        result.failure === 'missing_token' ? 'Bearer' : `Bearer error="invalid_token", error_description="${result.failure}"`;
      return errorResponse(401, 'unauthorized', `A valid end-user JWT is required (Authorization: Bearer …): ${result.failure}`, {
        'www-authenticate': challenge,
      });
    }
    c.set('user', result.claims);
    await next();
  };
}
