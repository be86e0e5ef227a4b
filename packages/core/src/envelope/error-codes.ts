import { classifyErrorCode, type ErrorCategory, type RetryClass } from './error-classification.js';

/** One entry of the Tencent error catalogue. */
export interface ErrorCodeInfo {
  readonly code: number;
  readonly meaning: string;
  readonly category: ErrorCategory;
  readonly retry: RetryClass;
}

const meanings: Readonly<Record<number, string>> = {
  60002: 'HTTP parse error: check the request URL format',
  60003: 'request JSON parse error: check the request body',
  60004: 'account or signature error in the URL or body',
  60005: 'account or signature error in the URL or body',
  60006: 'SDKAppID is invalid',
  60007: 'REST API call frequency over the limit',
  60008: 'service request timed out or the HTTP request was malformed: retry',
  60009: 'wrong request resource: check the service and command in the URL',
  60010: 'the request needs App administrator permission: the identifier must be an admin',
  60011: 'SDKAppID request frequency over the limit',
  60012: 'the REST call requires the SDKAppID in the URL',
  60013: 'JSON parse error in the HTTP response packet',
  60014: 'account replacement timed out',
  60015: 'wrong account type in the body: accounts must be strings',
  60016: 'SDKAppID is disabled',
  60017: 'request is disabled',
  60018: 'too many requests: retry later',
  60019: 'too many requests: retry later',
  60020: 'the Pro edition package expired or was deactivated',
  60021: 'the caller source IP is not allowed (IP allow-list)',
  70001: 'UserSig expired: regenerate it (a validity of at least 24 h is recommended)',
  70002: 'UserSig is empty',
  70003: 'UserSig is invalid or could not be parsed',
  70005: 'UserSig is invalid',
  70009: 'UserSig verification failed: probably signed with another SDKAppID key',
  70013: 'the UserID in the request differs from the UserID in the UserSig',
  70014: 'the SDKAppID in the request differs from the SDKAppID in the UserSig',
  70016: 'key does not exist: check the SDKAppID against the data centre',
  70020: 'SDKAppID does not exist: check the SDKAppID against the data centre',
  70050: 'UserSig verification failed too often: retry after 1 minute',
  70051: 'account is blacklisted',
  70107: 'the requested user account was not imported',
  70114: 'login restricted for security reasons (too frequent)',
  70169: 'server timeout: retry later',
  70202: 'server timeout: retry later',
  70206: 'invalid batch quantity',
  70398: 'account count over the limit of the edition',
  70402: 'invalid parameter',
  70403: 'the request needs App administrator permission',
  70500: 'internal server error: retry later',
  71000: 'delete account failed: only trial-edition accounts can be deleted',
  100001: 'internal server error: retry',
  100002: 'invalid parameter: see ErrorInfo',
  100300: 'callback configuration already exists: use update_callback',
  100301: 'callback configuration does not exist: create it first',
  100302: 'callback authentication token configuration does not exist: create it with set_callback_token',
};

/** Every documented Tencent error code tokenwire knows, for listing and documentation. */
// Wrapped in a pure IIFE so bundlers can drop the catalogue from bundles that never read it.
export const TENCENT_ERROR_CODES: readonly ErrorCodeInfo[] = /* @__PURE__ */ (() =>
  Object.keys(meanings).map((key) => describeErrorCode(Number(key))))();

/**
 * Looks up a Tencent `ErrorCode`: its documented meaning, category and retry class. Unknown codes come back
 * with category `unknown` and are not retried.
 *
 * @example
 * ```ts
 * describeErrorCode(60018); // { code: 60018, category: 'rate_limit', retry: 'rate_limit', meaning: '…' }
 * ```
 */
export function describeErrorCode(code: number): ErrorCodeInfo {
  return { code, meaning: meanings[code] ?? 'undocumented error code', ...classifyErrorCode(code) };
}
