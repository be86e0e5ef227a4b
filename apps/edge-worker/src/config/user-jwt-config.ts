import { readText, requireText, type Bindings } from './read-bindings.js';

/** Shortest accepted `USER_JWT_SECRET`, in UTF-8 bytes: an HS256 key should carry at least 256 bits. */
export const MIN_JWT_SECRET_BYTES = 32;

/** How end-user JWTs are checked (HS256). */
export interface UserJwtConfig {
  /** The HMAC key (`USER_JWT_SECRET`). */
  readonly secret: string;
  /** Required `iss`, when `USER_JWT_ISSUER` is set. */
  readonly issuer: string | undefined;
  /** Required `aud` (or a member of it), when `USER_JWT_AUDIENCE` is set. */
  readonly audience: string | undefined;
}

/** Reads `USER_JWT_SECRET`, `USER_JWT_ISSUER` and `USER_JWT_AUDIENCE`, adding problems to `problems`. */
export function readUserJwtConfig(env: Bindings, problems: string[]): UserJwtConfig {
  const secret = requireText(env, 'USER_JWT_SECRET', problems);
  if (secret !== undefined && new TextEncoder().encode(secret).length < MIN_JWT_SECRET_BYTES) {
    problems.push(`USER_JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes long`);
  }
  return {
    secret: secret ?? '',
    issuer: readText(env, 'USER_JWT_ISSUER', problems),
    audience: readText(env, 'USER_JWT_AUDIENCE', problems),
  };
}
