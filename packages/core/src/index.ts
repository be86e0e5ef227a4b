/**
 * @tokenwire/core — isomorphic signing, verification, envelope handling and a retrying client for the Tencent
 * Cloud Chat / TUILiveKit REST API. Web-standard APIs only: runs in browsers, edge workers, Node, Deno and Bun.
 *
 * Everything here is for users. The toolbox tokenwire's own packages share (the request engine, input parsing,
 * text measures) is `@tokenwire/core/internal`, which makes no promises to anyone else.
 *
 * @packageDocumentation
 */

export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export { REDACTED, redactHeaders, redactSecrets, redactUrl } from './redact.js';
export { constantTimeEqual, constantTimeEqualStrings } from './crypto/constant-time-equal.js';

// errors
export type { ErrorContext, TokenwireErrorOptions } from './errors/tokenwire-error.js';
export { TokenwireError } from './errors/tokenwire-error.js';
export type { ValidationIssue } from './errors/validation-error.js';
export { ValidationError } from './errors/validation-error.js';
export type { UserSigErrorReason } from './errors/user-sig-error.js';
export { UserSigError } from './errors/user-sig-error.js';
export type { CallbackSignatureErrorReason } from './errors/callback-signature-error.js';
export { CallbackSignatureError } from './errors/callback-signature-error.js';
export type { TencentApiErrorInit } from './errors/tencent-api-error.js';
export { TencentApiError } from './errors/tencent-api-error.js';
export {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
} from './errors/transport-errors.js';

// endpoint
export type { Region, RegionInfo } from './endpoint/regions.js';
export { REGIONS, isRegion } from './endpoint/regions.js';
export type { ResolveBaseUrlOptions } from './endpoint/resolve-base-url.js';
export { resolveBaseUrl } from './endpoint/resolve-base-url.js';
export type { RequestUrlParts } from './endpoint/build-request-url.js';
export { buildRequestUrl } from './endpoint/build-request-url.js';
export type { RandomUint32Source } from './endpoint/random-uint32.js';

// envelope
export type { ErrorCategory, ErrorClassification, RetryClass } from './envelope/error-classification.js';
export { classifyErrorCode } from './envelope/error-classification.js';
export type { ErrorCodeInfo } from './envelope/error-codes.js';
export { TENCENT_ERROR_CODES, describeErrorCode } from './envelope/error-codes.js';
// -- envelope schema exports --
export type { TencentEnvelope, TencentEnvelopeEntries } from './envelope/envelope-schema.js';
export { TencentEnvelopeSchema, envelopeWithResponse } from './envelope/envelope-schema.js';
export { assertEnvelopeSuccess, parseEnvelope, parseEnvelopeResponse } from './envelope/parse-envelope.js';

// -- usersig exports --
export type { UserSigDocument } from './user-sig/user-sig-document.js';
export type { GenUserSigOptions } from './user-sig/gen-user-sig.js';
export { genUserSig } from './user-sig/gen-user-sig.js';
export { decodeUserSig } from './user-sig/decode-user-sig.js';
export type { VerifyUserSigOptions } from './user-sig/verify-user-sig.js';
export { verifyUserSig } from './user-sig/verify-user-sig.js';
export type { GenPrivateMapKeyOptions } from './user-sig/gen-private-map-key.js';
export { genPrivateMapKey } from './user-sig/gen-private-map-key.js';
export type { PrivilegeName } from './user-sig/private-map-key-privilege.js';
export { PRIVILEGE } from './user-sig/private-map-key-privilege.js';
import { DEFAULT_USER_SIG_EXPIRE_SECONDS, MAX_USER_SIG_EXPIRE_SECONDS, MAX_USER_SIG_LENGTH } from './user-sig/user-sig-limits.js';
export { DEFAULT_USER_SIG_EXPIRE_SECONDS, MAX_USER_SIG_EXPIRE_SECONDS, MAX_USER_SIG_LENGTH };
/** @deprecated Renamed {@link DEFAULT_USER_SIG_EXPIRE_SECONDS} (one spelling, `USER_SIG`); this name goes in the next minor release. */
export const DEFAULT_USERSIG_EXPIRE_SECONDS: typeof DEFAULT_USER_SIG_EXPIRE_SECONDS =
  /* @__PURE__ */ ((): typeof DEFAULT_USER_SIG_EXPIRE_SECONDS => DEFAULT_USER_SIG_EXPIRE_SECONDS)();
/** @deprecated Renamed {@link MAX_USER_SIG_EXPIRE_SECONDS} (one spelling, `USER_SIG`); this name goes in the next minor release. */
export const MAX_USERSIG_EXPIRE_SECONDS: typeof MAX_USER_SIG_EXPIRE_SECONDS = /* @__PURE__ */ ((): typeof MAX_USER_SIG_EXPIRE_SECONDS =>
  MAX_USER_SIG_EXPIRE_SECONDS)();
/** @deprecated Renamed {@link MAX_USER_SIG_LENGTH} (one spelling, `USER_SIG`); this name goes in the next minor release. */
export const MAX_USERSIG_LENGTH: typeof MAX_USER_SIG_LENGTH = /* @__PURE__ */ ((): typeof MAX_USER_SIG_LENGTH => MAX_USER_SIG_LENGTH)();
export { decodeTencentBase64, encodeTencentBase64 } from './encoding/tencent-base64.js';

// -- callback signature exports --
export { parseRequestTime } from './callback/parse-request-time.js';
export type { SignCallbackOptions } from './callback/sign-callback.js';
export { signCallback } from './callback/sign-callback.js';
export type { VerifyCallbackOptions } from './callback/verify-callback.js';
export { verifyCallback } from './callback/verify-callback.js';

// -- client exports --
export type { TencentClient, TencentResponseBody } from './client/create-tencent-client.js';
export { createTencentClient } from './client/create-tencent-client.js';
export type { TencentClientOptions, TencentClientSettings, TencentCredentials, TencentEndpoint } from './client/client-options.js';
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from './client/client-options.js';
export type { TencentCallOptions } from './client/call-options.js';
export type { RetryOptions, RetryPolicy } from './client/retry-policy.js';
export { DEFAULT_RETRY_OPTIONS } from './client/retry-policy.js';
export type { RateLimitOptions } from './client/rate-limiter.js';
export { DEFAULT_REQUESTS_PER_SECOND } from './client/rate-limiter.js';
export { DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS } from './client/admin-user-sig.js';
export type {
  TencentAttemptEvent,
  TencentClientHooks,
  TencentRequestEvent,
  TencentResponseEvent,
  TencentRetryEvent,
} from './client/hooks.js';
export type { FetchFunction } from './engine/attempt-fetch.js';
export type { KyInstanceLike } from './engine/ky-instance-like.js';
