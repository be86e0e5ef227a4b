import { REDACTED, redactSecrets } from '@tokenwire/core';

/**
 * Every secret value the CLI has seen during one run: the secret key, UserSigs it signed or read, callback
 * tokens, the AICC app secret, AccessTokens and `ccmessaging-token`s. All output passes through
 * {@link SecretRegistry.redact} (unless `--show-secrets`), so a secret never reaches the terminal or a log even
 * when an upstream message echoes it back. Each secret is also matched in its JSON-escaped and URL-encoded forms.
 */
export class SecretRegistry {
  readonly #values = new Set<string>();

  /** Remembers a secret (and its escaped forms); `undefined` and empty strings are ignored. Returns the value. */
  add<T extends string | undefined>(value: T): T {
    if (typeof value !== 'string' || value === '') return value;
    this.#values.add(value);
    this.#values.add(JSON.stringify(value).slice(1, -1));
    this.#values.add(encodeURIComponent(value));
    return value;
  }

  /** Whether `value` is a registered secret. */
  has(value: string): boolean {
    return this.#values.has(value);
  }

  /** `text` with every occurrence of every registered secret replaced by `***`. */
  redact(text: string): string {
    return this.#values.size === 0 ? text : redactSecrets(text, [...this.#values]);
  }
}

/** What a secret is shown as: `***`, or the value itself with `--show-secrets`. */
export function showSecret(value: string | undefined, reveal: boolean): string | undefined {
  if (value === undefined) return undefined;
  return reveal ? value : REDACTED;
}
