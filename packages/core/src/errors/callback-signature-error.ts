import { TokenwireError } from './tokenwire-error.js';

/** Why a callback signature check failed. */
export type CallbackSignatureErrorReason =
  | 'missing_signature'
  | 'malformed_request_time'
  | 'stale_request_time'
  | 'signature_mismatch'
  | 'no_tokens'
  | 'sdkappid_mismatch'
  | 'malformed_request'
  | 'malformed_body';

const NAME = 'CallbackSignatureError';

/**
 * A Tencent callback failed verification. `reason` is stable and machine-readable; the message says what to
 * check and never contains a token or the expected signature.
 */
export class CallbackSignatureError extends TokenwireError {
  /** Why the callback was rejected; stable and machine-readable. */
  readonly reason: CallbackSignatureErrorReason;

  constructor(reason: CallbackSignatureErrorReason, message: string, options: { cause?: unknown } = {}) {
    super(message, { retryable: false, cause: options.cause });
    this.reason = reason;
    this.brand(NAME);
  }

  /** True when `value` is a {@link CallbackSignatureError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is CallbackSignatureError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
