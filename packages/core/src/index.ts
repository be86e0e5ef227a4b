/**
 * @tokenwire/core — isomorphic signing, verification, envelope handling and a retrying client for the Tencent
 * Cloud Chat / TUILiveKit REST API. Web-standard APIs only: runs in browsers, edge workers, Node, Deno and Bun.
 *
 * @packageDocumentation
 */

export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export { REDACTED, redactHeaders, redactSecrets, redactUrl } from './redact.js';
export { constantTimeEqual, constantTimeEqualStrings } from './crypto/constant-time-equal.js';
export { base64ToBytes, bytesToBase64 } from './encoding/base64.js';

// errors
export type { ErrorContext, TokenwireErrorOptions } from './errors/tokenwire-error.js';
export { TokenwireError } from './errors/tokenwire-error.js';
export type { ValidationIssue } from './errors/validation-error.js';
export { ValidationError } from './errors/validation-error.js';
export type { UserSigErrorReason } from './errors/usersig-error.js';
export { UserSigError } from './errors/usersig-error.js';
export type { CallbackSignatureErrorReason } from './errors/callback-signature-error.js';
export { CallbackSignatureError } from './errors/callback-signature-error.js';
export type { TencentApiErrorInit } from './errors/tencent-api-error.js';
export { TencentApiError } from './errors/tencent-api-error.js';
export { HttpStatusError, MalformedResponseError, NetworkError, RequestAbortedError, TimeoutError } from './errors/transport-errors.js';

// endpoint
export type { Region, RegionInfo } from './endpoint/regions.js';
export { REGIONS, isRegion } from './endpoint/regions.js';
export type { ResolveBaseUrlOptions } from './endpoint/resolve-base-url.js';
export { resolveBaseUrl } from './endpoint/resolve-base-url.js';
export type { RequestUrlParts } from './endpoint/build-request-url.js';
export { buildRequestUrl } from './endpoint/build-request-url.js';
export type { RandomUint32Source } from './endpoint/random-uint32.js';
export { randomUint32 } from './endpoint/random-uint32.js';

// envelope
export type { ErrorCategory, ErrorCodeInfo, RetryClass } from './envelope/error-codes.js';
export { TENCENT_ERROR_CODES, describeErrorCode } from './envelope/error-codes.js';
// -- envelope schema exports --

// -- usersig exports --

// -- callback signature exports --

// -- client exports --
