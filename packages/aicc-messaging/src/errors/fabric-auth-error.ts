import { TokenwireError, type ErrorContext } from '@tokenwire/core';

const NAME = 'FabricAuthError';

/**
 * Why API Fabric said no:
 * - `credentials_rejected` — `tokenByAkSk` refused the `app_key`/`app_secret` (wrong pair, or a source-IP
 *   whitelist in front of the tenant);
 * - `access_token_rejected` — a ccmessaging call was refused with HTTP 403 although the client had just fetched a
 *   fresh AccessToken and replayed the call once (or, through a gateway, the gateway relayed that 403).
 */
export type FabricAuthFailure = 'credentials_rejected' | 'access_token_rejected';

/** What a {@link FabricAuthError} is made of. */
export interface FabricAuthErrorInit extends ErrorContext {
  readonly reason: FabricAuthFailure;
  /** API Fabric's `errorCode`, when the answer carried one. */
  readonly errorCode?: string | undefined;
  /** API Fabric's `exceptionInfo`, secrets redacted, when the answer carried one. */
  readonly exceptionInfo?: string | undefined;
}

/**
 * Huawei API Fabric refused to authenticate the client (HTTP 403 `{ errorCode, exceptionInfo }`, or another
 * non-2xx answer of `tokenByAkSk` saying the credentials are wrong). Not retryable: the client has already
 * refreshed the AccessToken and replayed the call once. A persistent 403 usually means a wrong key pair or an IP
 * whitelist. Secrets never appear in it.
 *
 * @example
 * ```ts
 * try {
 *   await applyToken(client, user);
 * } catch (error) {
 *   if (FabricAuthError.isInstance(error) && error.reason === 'credentials_rejected') alertOperations(error.message);
 * }
 * ```
 */
export class FabricAuthError extends TokenwireError {
  declare readonly reason: FabricAuthFailure;
  /** API Fabric's `errorCode`, when given. */
  declare readonly errorCode: string | undefined;
  /** API Fabric's `exceptionInfo`, secrets redacted, when given. */
  declare readonly exceptionInfo: string | undefined;

  constructor(init: FabricAuthErrorInit) {
    const what =
      init.reason === 'credentials_rejected'
        ? 'API Fabric rejected the app_key/app_secret'
        : `API Fabric rejected the AccessToken${init.path === undefined ? '' : ` on ${init.path}`} after a refresh and one replay`;
    const status = init.status === undefined ? '' : `HTTP ${init.status}`;
    const detail = [status, init.errorCode, init.exceptionInfo].filter((part) => part !== undefined && part !== '').join(' ');
    super(detail === '' ? what : `${what} (${detail})`, { ...init, retryable: false });
    this.reason = init.reason;
    this.errorCode = init.errorCode;
    this.exceptionInfo = init.exceptionInfo;
    this.brand(NAME);
  }

  /** True when `value` is a {@link FabricAuthError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is FabricAuthError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
