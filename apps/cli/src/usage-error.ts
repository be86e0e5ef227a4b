import { TokenwireError } from '@tokenwire/core';

const NAME = 'UsageError';

/**
 * The command line cannot be run as given: an unknown command or flag, a missing or malformed value, a missing
 * setting. Nothing was sent. The CLI prints the message (never a stack trace) and exits with code 2.
 */
export class UsageError extends TokenwireError {
  /** The command the error is about (`usersig sign`), for the "see --help" hint; empty for the top level. */
  readonly commandPath: string;

  constructor(message: string, options: { commandPath?: string; cause?: unknown } = {}) {
    super(message, { retryable: false, cause: options.cause });
    this.commandPath = options.commandPath ?? '';
    this.brand(NAME);
  }

  /** True when `value` is a {@link UsageError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is UsageError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
