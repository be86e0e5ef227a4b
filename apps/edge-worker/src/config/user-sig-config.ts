import * as v from 'valibot';
import { comparableIdentifier } from '../auth/admin-identifier.js';
import { type Bindings, type Configured, integerBinding, listBinding, parseBindings, requiredText } from './read-bindings.js';
import { sdkAppIdBinding } from './sdk-app-id.js';
import { type UserJwtConfig, userJwtBindings, userJwtConfig } from './user-jwt-config.js';

/** Tencent's built-in App administrator, refused whatever `TENCENT_ADMIN_IDENTIFIERS` says. */
export const BUILT_IN_ADMIN_IDENTIFIER = 'administrator';

/** Default lifetime of a minted UserSig (`USER_SIG_EXPIRE_SECONDS`): one day. */
export const DEFAULT_USER_SIG_EXPIRE_SECONDS = 86_400;

/** Longest configurable lifetime of a minted UserSig: 30 days (end-user credentials should not live longer). */
export const MAX_USER_SIG_EXPIRE_SECONDS = 30 * 86_400;

/** Shortest configurable lifetime of a minted UserSig: one minute. */
export const MIN_USER_SIG_EXPIRE_SECONDS = 60;

/** The deprecated name of `USER_SIG_EXPIRE_SECONDS`, still read when the new one is not set. */
const DEPRECATED_EXPIRE_BINDING = 'USERSIG_TTL_SECONDS';

/** Configuration of `POST /tencent/usersig`. */
export interface UserSigConfig {
  readonly sdkAppId: number;
  readonly secretKey: string;
  /** Identifiers that never get a UserSig (always `administrator`), in their {@link comparableIdentifier} form. */
  readonly adminIdentifiers: ReadonlySet<string>;
  /** Lifetime of a minted UserSig, in seconds (core's `expireSeconds`). */
  readonly expireSeconds: number;
  readonly jwt: UserJwtConfig;
}

const expireSecondsBinding = integerBinding(MIN_USER_SIG_EXPIRE_SECONDS, MAX_USER_SIG_EXPIRE_SECONDS);

/**
 * The UserSig route's bindings: `TENCENT_SDK_APP_ID`, `TENCENT_SECRET_KEY` and `USER_JWT_SECRET` are required;
 * `TENCENT_ADMIN_IDENTIFIERS`, `USER_SIG_EXPIRE_SECONDS` (or its deprecated name `USERSIG_TTL_SECONDS`, not both),
 * `USER_JWT_ISSUER` and `USER_JWT_AUDIENCE` optional.
 */
const UserSigBindingsSchema = v.pipe(
  v.object({
    TENCENT_SDK_APP_ID: sdkAppIdBinding,
    TENCENT_SECRET_KEY: requiredText,
    TENCENT_ADMIN_IDENTIFIERS: listBinding,
    USER_SIG_EXPIRE_SECONDS: expireSecondsBinding,
    [DEPRECATED_EXPIRE_BINDING]: expireSecondsBinding,
    ...userJwtBindings,
  }),
  v.check(
    (env) => env.USER_SIG_EXPIRE_SECONDS === undefined || env[DEPRECATED_EXPIRE_BINDING] === undefined,
    `${DEPRECATED_EXPIRE_BINDING} is the deprecated name of USER_SIG_EXPIRE_SECONDS: set only USER_SIG_EXPIRE_SECONDS`,
  ),
  v.transform(
    (env): UserSigConfig => ({
      sdkAppId: env.TENCENT_SDK_APP_ID,
      secretKey: env.TENCENT_SECRET_KEY,
      adminIdentifiers: new Set([BUILT_IN_ADMIN_IDENTIFIER, ...env.TENCENT_ADMIN_IDENTIFIERS].map(comparableIdentifier)),
      expireSeconds: env.USER_SIG_EXPIRE_SECONDS ?? env[DEPRECATED_EXPIRE_BINDING] ?? DEFAULT_USER_SIG_EXPIRE_SECONDS,
      jwt: userJwtConfig(env),
    }),
  ),
);

/** Reads the UserSig route's configuration (see `UserSigBindingsSchema` for the bindings). */
export function readUserSigConfig(env: Bindings): Configured<UserSigConfig> {
  return parseBindings(UserSigBindingsSchema, env);
}
