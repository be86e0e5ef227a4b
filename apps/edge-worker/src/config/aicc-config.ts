import { configured, readHttpsUrl, readInteger, readList, readText, requireText, type Bindings, type Configured } from './read-bindings.js';
import { readUserJwtConfig, type UserJwtConfig } from './user-jwt-config.js';

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
}

/**
 * Reads the gateway's bindings: `AICC_BASE_URL`, `AICC_APP_KEY`, `AICC_APP_SECRET` and `USER_JWT_SECRET` are
 * required; `AICC_FABRIC_TOKEN_PATH`, `AICC_ACCESS_TOKEN_TTL_SECONDS`, `AICC_CHANNEL_IDS` and the JWT claims optional.
 */
export function readAiccConfig(env: Bindings): Configured<AiccConfig> {
  const problems: string[] = [];
  const baseUrl = readHttpsUrl(env, 'AICC_BASE_URL', problems);
  if (baseUrl === undefined && !problems.some((problem) => problem.startsWith('AICC_BASE_URL '))) problems.push('AICC_BASE_URL is not set');
  if (baseUrl !== undefined && (baseUrl.search !== '' || baseUrl.hash !== ''))
    problems.push('AICC_BASE_URL must not have a query or fragment');
  const appKey = requireText(env, 'AICC_APP_KEY', problems);
  const appSecret = requireText(env, 'AICC_APP_SECRET', problems);
  const fabricTokenPath = readText(env, 'AICC_FABRIC_TOKEN_PATH', problems) ?? DEFAULT_FABRIC_TOKEN_PATH;
  if (!/^\/[^?#\s]*$/.test(fabricTokenPath)) problems.push('AICC_FABRIC_TOKEN_PATH must be a path starting with /');
  const accessTokenTtlSeconds = readInteger(
    env,
    'AICC_ACCESS_TOKEN_TTL_SECONDS',
    { minimum: 60, maximum: MAX_ACCESS_TOKEN_TTL_SECONDS, fallback: DEFAULT_ACCESS_TOKEN_TTL_SECONDS },
    problems,
  );
  const channelIds = readList(env, 'AICC_CHANNEL_IDS', problems);
  const jwt = readUserJwtConfig(env, problems);
  return configured(problems, () => ({
    baseUrl: baseUrl!.href.replace(/\/+$/, ''),
    appKey: appKey!,
    appSecret: appSecret!,
    fabricTokenPath,
    accessTokenTtlSeconds,
    channelIds,
    jwt,
  }));
}
