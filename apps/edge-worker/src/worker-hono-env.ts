import type { UserJwtClaims } from './auth/user-jwt.js';
import type { AiccConfig } from './config/aicc-config.js';
import type { CallbackConfig } from './config/callback-config.js';
import type { CorsConfig } from './config/cors-config.js';
import type { UserSigConfig } from './config/user-sig-config.js';
import type { WorkerConfig } from './config/worker-config.js';
import type { WorkerEnv } from './env.js';
import type { BoundedBody } from './http/bounded-body.js';

/** What the worker's middleware hands on to the route handlers of one request (Hono's `c.var`). */
export interface WorkerVariables {
  /** This request's configuration; each section is parsed on first use. */
  config: WorkerConfig;
  /** The signal of the request as it arrived: a client that goes away aborts it (the AICC relay hands it upstream). */
  clientSignal: AbortSignal;
  /** The request body under its route's size limit and deadline, once `limitBody` bounded it: read it from here. */
  body: BoundedBody;
  /** The route's configuration section, once `requireSection` found it complete. */
  callback: CallbackConfig;
  userSig: UserSigConfig;
  aicc: AiccConfig;
  cors: CorsConfig;
  /** The authenticated end user, once `authenticateUser` verified the JWT. */
  user: UserJwtClaims;
}

/** The worker's Hono environment: the bindings and the per-request variables. */
export type WorkerHonoEnv = { Bindings: WorkerEnv; Variables: WorkerVariables };
