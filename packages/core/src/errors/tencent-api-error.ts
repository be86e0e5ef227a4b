import { classifyErrorCode, type ErrorCategory, type RetryClass } from '../envelope/error-classification.js';
import { TokenwireError, type ErrorContext } from './tokenwire-error.js';

const NAME = 'TencentApiError';

/** Fields of a failed Tencent response envelope plus the request context. */
export interface TencentApiErrorInit extends ErrorContext {
  /** Tencent `ErrorCode`. */
  readonly code: number;
  /** Tencent `ErrorInfo`. */
  readonly info: string;
}

/**
 * Tencent answered with `ActionStatus: "FAIL"` (or a non-zero `ErrorCode`). `code`, `info` and `requestId`
 * come from the envelope; `category` and `retryable` from tokenwire's classification of documented codes.
 * A `retryClass` of `cooldown` (70050) is `retryable` but only after one minute, as its message says.
 *
 * @example
 * ```ts
 * if (TencentApiError.isInstance(error) && error.code === 100301) await setCallback(client, config);
 * ```
 */
export class TencentApiError extends TokenwireError {
  /** Tencent `ErrorCode`. */
  readonly code: number;
  /**
   * Tencent `ErrorInfo` as the service sent it, except that a secret the client knows (its UserSig, its secret
   * key) reads `***`.
   */
  readonly info: string;
  /** What kind of failure the code is. */
  readonly category: ErrorCategory;
  /** How the client's retry policy treats this code. */
  readonly retryClass: RetryClass;

  constructor(init: TencentApiErrorInit) {
    const classified = classifyErrorCode(init.code);
    const where = init.service && init.command ? ` (${init.service}/${init.command})` : '';
    const support = init.requestId ? ` [RequestId ${init.requestId}]` : '';
    const cooldown = classified.retry === 'cooldown' ? ' (wait one minute before calling again; the client does not retry this code)' : '';
    super(`Tencent error ${init.code}${where}: ${init.info || 'no ErrorInfo given'}${cooldown}${support}`, {
      ...init,
      retryable: classified.retry !== 'none',
    });
    this.code = init.code;
    this.info = init.info;
    this.category = classified.category;
    this.retryClass = classified.retry;
    this.brand(NAME);
  }

  /** True when `value` is a {@link TencentApiError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is TencentApiError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
