import type { UserJwtClaims } from './auth/user-jwt.js';
import type { CallbackConfig } from './config/callback-config.js';
import type { UserSigConfig } from './config/user-sig-config.js';
import type { WorkerConfig } from './config/worker-config.js';
import type { WorkerEnv } from './env.js';
import type { BoundedBody } from './http/bounded-body.js';

/** What the worker's middleware hands on to the route handlers of one request (Hono's `c.var`). */
export interface WorkerVariables {
  /** This request's configuration; each section is parsed on first use. */
  config: WorkerConfig;
  /** The request body under its route's size limit and deadline, once `limitBody` bounded it: read it from here. */
  body: BoundedBody;
  /** The route's configuration section, once `requireSection` found it complete. */
  callback: CallbackConfig;
  userSig: UserSigConfig;
  /** The authenticated end user, once `authenticateUser` verified the JWT. */
  user: UserJwtClaims;
}

/** The worker's Hono environment: the bindings and the per-request variables. */
export type WorkerHonoEnv = { Bindings: WorkerEnv; Variables: WorkerVariables };
