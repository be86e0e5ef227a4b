import * as v from 'valibot';
import { ValidationError } from '../errors/validation-error.js';
import { parseInput } from '../validation/parse-input.js';
import { isUint32 } from './random-uint32.js';

/** Everything that goes into one Tencent REST request URL. */
export interface RequestUrlParts {
  /** Base URL from {@link resolveBaseUrl}, without a trailing slash. */
  readonly baseUrl: string;
  /** Service name, e.g. `live_config`. */
  readonly service: string;
  /** Command, e.g. `set_callback_token`. */
  readonly command: string;
  readonly sdkAppId: number;
  /** The App administrator account the UserSig was made for. */
  readonly identifier: string;
  readonly userSig: string;
  /** The attempt's `random`, a uint32. */
  readonly random: number;
}

/**
 * A Tencent REST service or command name: letters, digits and underscores (nothing that could change the path).
 *
 * @internal
 */
export function restNameSchema(what: 'service' | 'command'): v.GenericSchema<string> {
  const message = `must be a REST ${what} name of letters, digits and underscores`;
  return v.pipe(v.string(message), v.regex(/^[A-Za-z0-9_]+$/, message));
}

/** The parts of a request URL that {@link buildRequestUrl} checks. */
const CheckedUrlPartsSchema = /* @__PURE__ */ (() =>
  v.object({
    service: restNameSchema('service'),
    command: restNameSchema('command'),
    random: v.custom<number>(isUint32, 'must be an integer from 0 to 4294967295'),
  }))();

/** `encodeURIComponent`, but a lone surrogate (which it cannot encode) is a {@link ValidationError}, not a URIError. */
function encodeQueryValue(value: string, path: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // The value is not echoed: the UserSig is a secret.
    throw new ValidationError('request', [{ path, message: 'must be well-formed Unicode (it has a lone surrogate)' }]);
  }
}

/**
 * The query fields that stay the same while the UserSig does, `sdkappid=…&identifier=…&usersig=…`, encoded. A
 * client computes it once per UserSig and joins it with {@link joinRequestUrl} on every attempt.
 *
 * @throws {@link ValidationError} when the identifier or UserSig has no URL form (a lone UTF-16 surrogate).
 */
export function signedQuery(sdkAppId: number, identifier: string, userSig: string): string {
  return `sdkappid=${sdkAppId}&identifier=${encodeQueryValue(identifier, 'identifier')}&usersig=${encodeQueryValue(userSig, 'userSig')}`;
}

/**
 * `{baseUrl}/v4/{service}/{command}?{query}&random={random}&contenttype=json`, without checking `service`,
 * `command` and `random`: for callers that validated them already ({@link buildRequestUrl} checks them).
 */
export function joinRequestUrl(baseUrl: string, service: string, command: string, query: string, random: number): string {
  return `${baseUrl}/v4/${service}/${command}?${query}&random=${random}&contenttype=json`;
}

/**
 * Builds `{baseUrl}/v4/{service}/{command}?sdkappid&identifier&usersig&random&contenttype=json`, the URL of
 * every Tencent REST call. The UserSig alphabet (`A-Za-z0-9*_-`) is URL-safe as is; the identifier is encoded.
 *
 * @throws {@link ValidationError} when the service or command is not a plain name (prevents path injection),
 *   `random` is not an integer in `0 … 4294967295`, or the identifier or UserSig has no URL form (a lone UTF-16
 *   surrogate).
 */
export function buildRequestUrl(parts: RequestUrlParts): string {
  parseInput(CheckedUrlPartsSchema, parts, 'request');
  return joinRequestUrl(
    parts.baseUrl,
    parts.service,
    parts.command,
    signedQuery(parts.sdkAppId, parts.identifier, parts.userSig),
    parts.random,
  );
}
