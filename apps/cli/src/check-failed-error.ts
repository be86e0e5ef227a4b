import { TokenwireError } from '@tokenwire/core';

const NAME = 'CheckFailedError';

/**
 * Something the CLI checks after an operation did not hold: a read-back that differs from what was written, a
 * demo step whose outcome is not what the story needs. Exit code 1.
 */
export class CheckFailedError extends TokenwireError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { retryable: false, cause: options.cause });
    this.brand(NAME);
  }

  /** True when `value` is a {@link CheckFailedError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is CheckFailedError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
