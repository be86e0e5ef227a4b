import { TokenwireError } from './tokenwire-error.js';

/** Why a UserSig was rejected. Mirrors the checks of the official verifiers and the server's 70xxx codes. */
export type UserSigErrorReason = 'malformed' | 'sdkappid_mismatch' | 'identifier_mismatch' | 'expired' | 'signature_mismatch';

const NAME = 'UserSigError';

/**
 * A UserSig could not be decoded or did not verify. `reason` is stable and machine-readable; the message
 * explains it for humans and never contains the UserSig or the secret key.
 */
export class UserSigError extends TokenwireError {
  /** Why the UserSig was rejected; stable and machine-readable. */
  readonly reason: UserSigErrorReason;

  constructor(reason: UserSigErrorReason, message: string, options: { cause?: unknown } = {}) {
    super(message, { retryable: false, cause: options.cause });
    this.reason = reason;
    this.brand(NAME);
  }

  /** True when `value` is a {@link UserSigError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is UserSigError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
