import { TokenwireError, type TokenwireErrorOptions } from './tokenwire-error.js';

/** One problem found in an input, with the dotted path of the offending field (empty for the root). */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `retry.limit`; empty for the input as a whole. */
  readonly path: string;
  /** What is wrong, for a person; never repeats the value. */
  readonly message: string;
}

const NAME = 'ValidationError';

/**
 * Bad input, found before anything was sent or changed. The message lists every issue; `issues` has them
 * one by one. Never retryable: the same input fails the same way.
 */
export class ValidationError extends TokenwireError {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[], options: TokenwireErrorOptions = {}) {
    const list = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    super(`Invalid ${subject}: ${list}`, { ...options, retryable: false });
    this.issues = issues;
    this.brand(NAME);
  }

  /** True when `value` is a {@link ValidationError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is ValidationError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
