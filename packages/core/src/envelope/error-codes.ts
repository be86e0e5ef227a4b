/** What kind of failure a Tencent `ErrorCode` is; tells a caller where to look. */
export type ErrorCategory =
  | 'auth'
  | 'rate_limit'
  | 'invalid_request'
  | 'server'
  | 'config'
  | 'fatal'
  | 'unknown';

/**
 * How the client reacts to a code: `transient` is retried with exponential backoff, `rate_limit` with a longer
 * backoff, `none` is never retried.
 */
export type RetryClass = 'transient' | 'rate_limit' | 'none';

/** One entry of the Tencent error catalogue. */
export interface ErrorCodeInfo {
  readonly code: number;
  readonly meaning: string;
  readonly category: ErrorCategory;
  readonly retry: RetryClass;
}

type Row = readonly [meaning: string, category: ErrorCategory, retry?: RetryClass];

const rows: Readonly<Record<number, Row>> = {
  60002: ['HTTP parse error: check the request URL format', 'invalid_request'],
  60003: ['request JSON parse error: check the request body', 'invalid_request'],
  60004: ['account or signature error in the URL or body', 'auth'],
  60005: ['account or signature error in the URL or body', 'auth'],
  60006: ['SDKAppID is invalid', 'config'],
  60007: ['REST API call frequency over the limit', 'rate_limit', 'rate_limit'],
  60008: ['service request timed out or the HTTP request was malformed: retry', 'server', 'transient'],
  60009: ['wrong request resource: check the service and command in the URL', 'invalid_request'],
  60010: ['the request needs App administrator permission: the identifier must be an admin', 'config'],
  60011: ['SDKAppID request frequency over the limit', 'rate_limit', 'rate_limit'],
  60012: ['the REST call requires the SDKAppID in the URL', 'invalid_request'],
  60013: ['JSON parse error in the HTTP response packet', 'server', 'transient'],
  60014: ['account replacement timed out', 'server', 'transient'],
  60015: ['wrong account type in the body: accounts must be strings', 'invalid_request'],
  60016: ['SDKAppID is disabled', 'fatal'],
  60017: ['request is disabled', 'fatal'],
  60018: ['too many requests: retry later', 'rate_limit', 'rate_limit'],
  60019: ['too many requests: retry later', 'rate_limit', 'rate_limit'],
  60020: ['the Pro edition package expired or was deactivated', 'fatal'],
  60021: ['the caller source IP is not allowed (IP allow-list)', 'config'],
  70001: ['UserSig expired: regenerate it (a validity of at least 24 h is recommended)', 'auth'],
  70002: ['UserSig is empty', 'auth'],
  70003: ['UserSig is invalid or could not be parsed', 'auth'],
  70005: ['UserSig is invalid', 'auth'],
  70009: ['UserSig verification failed: probably signed with another SDKAppID key', 'auth'],
  70013: ['the UserID in the request differs from the UserID in the UserSig', 'auth'],
  70014: ['the SDKAppID in the request differs from the SDKAppID in the UserSig', 'auth'],
  70016: ['key does not exist: check the SDKAppID against the data centre', 'config'],
  70020: ['SDKAppID does not exist: check the SDKAppID against the data centre', 'config'],
  70050: ['UserSig verification failed too often: retry after 1 minute', 'rate_limit', 'rate_limit'],
  70051: ['account is blacklisted', 'fatal'],
  70107: ['the requested user account was not imported', 'invalid_request'],
  70114: ['login restricted for security reasons (too frequent)', 'auth'],
  70169: ['server timeout: retry later', 'server', 'transient'],
  70202: ['server timeout: retry later', 'server', 'transient'],
  70206: ['invalid batch quantity', 'invalid_request'],
  70398: ['account count over the limit of the edition', 'fatal'],
  70402: ['invalid parameter', 'invalid_request'],
  70403: ['the request needs App administrator permission', 'config'],
  70500: ['internal server error: retry later', 'server', 'transient'],
  71000: ['delete account failed: only trial-edition accounts can be deleted', 'invalid_request'],
  100001: ['internal server error: retry', 'server', 'transient'],
  100002: ['invalid parameter: see ErrorInfo', 'invalid_request'],
  100300: ['callback configuration already exists: use update_callback', 'invalid_request'],
  100301: ['callback configuration does not exist: create it first', 'invalid_request'],
  100302: ['callback authentication token configuration does not exist: create it with set_callback_token', 'invalid_request'],
};

/** Every documented Tencent error code tokenwire knows, for listing and documentation. */
// Wrapped in a pure IIFE so bundlers can drop the catalogue from bundles that never read it.
export const TENCENT_ERROR_CODES: readonly ErrorCodeInfo[] = /* @__PURE__ */ (() => Object.keys(rows).map((key) => describeErrorCode(Number(key))))();

/**
 * Looks up a Tencent `ErrorCode`. Unknown codes come back with category `unknown` and are not retried.
 *
 * @example
 * ```ts
 * describeErrorCode(60018); // { code: 60018, category: 'rate_limit', retry: 'rate_limit', meaning: '…' }
 * ```
 */
export function describeErrorCode(code: number): ErrorCodeInfo {
  const row = rows[code];
  if (row === undefined) return { code, meaning: 'undocumented error code', category: 'unknown', retry: 'none' };
  return { code, meaning: row[0], category: row[1], retry: row[2] ?? 'none' };
}
