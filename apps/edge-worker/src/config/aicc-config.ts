import * as v from 'valibot';
import type { DurableObjectNamespaceLike } from '../env.js';
import {
  type Bindings,
  type Configured,
  durableObjectBinding,
  integerBinding,
  listBinding,
  optionalText,
  parseBindings,
  requiredHttpsUrlBinding,
  requiredText,
} from './read-bindings.js';
import { type UserJwtConfig, userJwtBindings, userJwtConfig } from './user-jwt-config.js';

/** The documented path of API Fabric's `tokenByAkSk`. */
export const DEFAULT_FABRIC_TOKEN_PATH = '/apigovernance/api/oauth/tokenByAkSk';

/** Default of the requested AccessToken lifetime (`X-Token-Expire`), in seconds. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 600;

/** Longest AccessToken lifetime API Fabric grants, in seconds. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** Configuration of the AICC gateway (`/aicc/token`, `/aicc/ccmessaging/*`). */
export interface AiccConfig {
  /** `AICC_BASE_URL` without a trailing slash. */
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly fabricTokenPath: string;
  readonly accessTokenTtlSeconds: number;
  /** Channels a browser may apply a token for; empty means any. */
  readonly channelIds: readonly string[];
  readonly jwt: UserJwtConfig;
  /** The `AICC_TOKEN` Durable Object namespace, when bound: one AccessToken for every isolate (else one per isolate). */
  readonly tokenStore: DurableObjectNamespaceLike | undefined;
}

/**
 * The gateway's bindings: `AICC_BASE_URL`, `AICC_APP_KEY`, `AICC_APP_SECRET` and `USER_JWT_SECRET` are required;
 * `AICC_FABRIC_TOKEN_PATH`, `AICC_ACCESS_TOKEN_TTL_SECONDS`, `AICC_CHANNEL_IDS`, `AICC_TOKEN` and the JWT claims
 * optional.
 */
const AiccBindingsSchema = v.pipe(
  v.object({
    AICC_BASE_URL: v.pipe(
      requiredHttpsUrlBinding,
      v.check((url) => !/[?#]/.test(url.href), 'must not have a query or fragment'),
    ),
    AICC_APP_KEY: requiredText,
    AICC_APP_SECRET: requiredText,
    AICC_FABRIC_TOKEN_PATH: v.pipe(
      optionalText,
      v.transform((text) => text ?? DEFAULT_FABRIC_TOKEN_PATH),
      v.check((path) => /^\/[^?#\s]*$/.test(path), 'must be a path starting with /'),
    ),
    AICC_ACCESS_TOKEN_TTL_SECONDS: integerBinding(60, MAX_ACCESS_TOKEN_TTL_SECONDS),
    AICC_CHANNEL_IDS: listBinding,
    AICC_TOKEN: durableObjectBinding,
    ...userJwtBindings,
  }),
  v.transform(
    (env): AiccConfig => ({
      baseUrl: env.AICC_BASE_URL.href.replace(/\/+$/, ''),
      appKey: env.AICC_APP_KEY,
      appSecret: env.AICC_APP_SECRET,
      fabricTokenPath: env.AICC_FABRIC_TOKEN_PATH,
      accessTokenTtlSeconds: env.AICC_ACCESS_TOKEN_TTL_SECONDS ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
      channelIds: env.AICC_CHANNEL_IDS,
      jwt: userJwtConfig(env),
      tokenStore: env.AICC_TOKEN,
    }),
  ),
);

/** Reads the AICC gateway's configuration (see `AiccBindingsSchema` for the bindings). */
export function readAiccConfig(env: Bindings): Configured<AiccConfig> {
  return parseBindings(AiccBindingsSchema, env);
}
