import { MAX_USERSIG_EXPIRE_SECONDS } from '@tokenwire/core';
import { configured, readInteger, readList, requireText, type Bindings, type Configured } from './read-bindings.js';
import { readSdkAppId } from './sdk-app-id.js';
import { readUserJwtConfig, type UserJwtConfig } from './user-jwt-config.js';

/** Tencent's built-in App administrator, refused whatever `TENCENT_ADMIN_IDENTIFIERS` says. */
export const BUILT_IN_ADMIN_IDENTIFIER = 'administrator';

/** Default lifetime of a minted UserSig: one day. */
export const DEFAULT_USERSIG_TTL_SECONDS = 86_400;

/** Longest configurable lifetime of a minted UserSig: 30 days (end-user credentials should not live longer). */
export const MAX_USERSIG_TTL_SECONDS = Math.min(30 * 86_400, MAX_USERSIG_EXPIRE_SECONDS);

/** Configuration of `POST /tencent/usersig`. */
export interface UserSigConfig {
  readonly sdkAppId: number;
  readonly secretKey: string;
  /** Lower-cased identifiers that never get a UserSig (always includes `administrator`). */
  readonly adminIdentifiers: ReadonlySet<string>;
  readonly ttlSeconds: number;
  readonly jwt: UserJwtConfig;
}

/**
 * Reads the UserSig route's bindings: `TENCENT_SDK_APP_ID`, `TENCENT_SECRET_KEY` and `USER_JWT_SECRET` are
 * required; `TENCENT_ADMIN_IDENTIFIERS`, `USERSIG_TTL_SECONDS`, `USER_JWT_ISSUER` and `USER_JWT_AUDIENCE` optional.
 */
export function readUserSigConfig(env: Bindings): Configured<UserSigConfig> {
  const problems: string[] = [];
  const sdkAppId = readSdkAppId(env, problems);
  const secretKey = requireText(env, 'TENCENT_SECRET_KEY', problems);
  const admins = readList(env, 'TENCENT_ADMIN_IDENTIFIERS', problems);
  const ttlSeconds = readInteger(
    env,
    'USERSIG_TTL_SECONDS',
    { minimum: 60, maximum: MAX_USERSIG_TTL_SECONDS, fallback: DEFAULT_USERSIG_TTL_SECONDS },
    problems,
  );
  const jwt = readUserJwtConfig(env, problems);
  return configured(problems, () => ({
    sdkAppId,
    secretKey: secretKey!,
    adminIdentifiers: new Set([BUILT_IN_ADMIN_IDENTIFIER, ...admins].map((identifier) => identifier.toLowerCase())),
    ttlSeconds,
    jwt,
  }));
}
