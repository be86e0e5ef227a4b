import * as v from 'valibot';
import { optionalText, requiredText } from './read-bindings.js';

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

/**
 * The end-user JWT bindings, spread into the schemas of the routes that authenticate users: `USER_JWT_SECRET`
 * (required, at least {@link MIN_JWT_SECRET_BYTES} bytes), `USER_JWT_ISSUER` and `USER_JWT_AUDIENCE` (optional).
 */
export const userJwtBindings = {
  USER_JWT_SECRET: v.pipe(
    requiredText,
    v.check(
      (secret) => new TextEncoder().encode(secret).length >= MIN_JWT_SECRET_BYTES,
      `must be at least ${MIN_JWT_SECRET_BYTES} bytes long`,
    ),
  ),
  USER_JWT_ISSUER: optionalText,
  USER_JWT_AUDIENCE: optionalText,
};

/** The {@link UserJwtConfig} of parsed {@link userJwtBindings}. */
export function userJwtConfig(bindings: v.InferOutput<v.ObjectSchema<typeof userJwtBindings, undefined>>): UserJwtConfig {
  return { secret: bindings.USER_JWT_SECRET, issuer: bindings.USER_JWT_ISSUER, audience: bindings.USER_JWT_AUDIENCE };
}
