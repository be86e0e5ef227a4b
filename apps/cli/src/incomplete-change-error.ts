import { TokenwireError } from '@tokenwire/core';

const NAME = 'IncompleteChangeError';

/**
 * The service was changed, but a later step of the command failed (saving a new token to a file, reading it
 * back). Exit code 1; the message says what is now in effect and how to finish, never a secret unless
 * `--show-secrets`.
 */
export class IncompleteChangeError extends TokenwireError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { retryable: false, cause: options.cause });
    this.brand(NAME);
  }

  /** True when `value` is an {@link IncompleteChangeError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is IncompleteChangeError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
