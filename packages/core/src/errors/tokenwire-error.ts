/**
 * Context a support ticket needs. Every field is optional because not every failure happens inside a request.
 * None of these fields ever holds a secret.
 */
export interface ErrorContext {
  /** Tencent `RequestId` from the response envelope, when one was received. */
  readonly requestId?: string | undefined;
  /** The `random` query parameter of the failing attempt (Tencent support asks for it). */
  readonly random?: number | undefined;
  /** Tencent REST service name, e.g. `live_config`. */
  readonly service?: string | undefined;
  /** Tencent REST command, e.g. `set_callback_token`. */
  readonly command?: string | undefined;
  /** AICC / API Fabric path, e.g. `/apiaccess/ccmessaging/send`. */
  readonly path?: string | undefined;
  /** HTTP status of the response, when one was received. */
  readonly status?: number | undefined;
  /**
   * Which attempt of a retried call failed (1 for the first). More than 1 means earlier attempts failed
   * ambiguously, so a non-idempotent command may already have taken effect.
   */
  readonly attempt?: number | undefined;
}

/** Options accepted by every tokenwire error constructor. */
export interface TokenwireErrorOptions extends ErrorContext {
  /** Whether repeating the same operation later may succeed. Defaults to `false`. */
  readonly retryable?: boolean | undefined;
  /** The underlying error, if any. Never a value that contains a secret. */
  readonly cause?: unknown;
}

const BASE_MARKER = Symbol.for('tokenwire.error');

/** The fields of {@link ErrorContext}, in the order they appear on an error and in `context`. */
const CONTEXT_KEYS = ['requestId', 'random', 'service', 'command', 'path', 'status', 'attempt'] as const;

/**
 * Returns the cross-realm marker symbol for an error name. Two copies of tokenwire (or two realms) agree on it,
 * so `isInstance` works where `instanceof` does not.
 */
export function errorMarker(name: string): symbol {
  return Symbol.for(`tokenwire.error.${name}`);
}

function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/** Sets the cross-realm marker and the stable `name` (not enumerable, not writable) of an error. */
function mark(error: Error, marker: symbol, name: string): void {
  Object.defineProperty(error, marker, { value: true });
  // New or redefined, `name` stays configurable for brand(), and neither enumerable nor writable.
  Object.defineProperty(error, 'name', { value: name, configurable: true });
}

/**
 * Base class of every error tokenwire throws. It has a stable string `name` (safe under minification), a
 * `retryable` flag and the request context a support ticket needs. Use the static `isInstance` guards rather
 * than `instanceof`: they work across bundles, package copies and realms.
 *
 * @example
 * ```ts
 * try {
 *   await client.call('live_config', 'get_callback');
 * } catch (error) {
 *   if (TokenwireError.isInstance(error) && error.retryable) scheduleRetry();
 * }
 * ```
 */
export class TokenwireError extends Error {
  // Set by the constructor (and by brand): not enumerable, not writable.
  /** The stable error name, e.g. `TencentApiError`: safe to compare, survives minification. */
  declare readonly name: string;
  /** Whether repeating the same operation later may succeed. */
  readonly retryable: boolean;
  // The context fields are set in the constructor, in CONTEXT_KEYS order.
  /** Tencent `RequestId` from the response envelope, when one was received. */
  declare readonly requestId: string | undefined;
  /** The `random` query parameter of the failing attempt (Tencent support asks for it). */
  declare readonly random: number | undefined;
  /** Tencent REST service name, e.g. `live_config`. */
  declare readonly service: string | undefined;
  /** Tencent REST command, e.g. `set_callback_token`. */
  declare readonly command: string | undefined;
  /** AICC / API Fabric path, e.g. `/apiaccess/ccmessaging/send`. */
  declare readonly path: string | undefined;
  /** HTTP status of the response, when one was received. */
  declare readonly status: number | undefined;
  /** Which attempt of a retried call failed (1 for the first). */
  declare readonly attempt: number | undefined;

  constructor(message: string, options: TokenwireErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
    for (const key of CONTEXT_KEYS) (this as Record<string, unknown>)[key] = options[key];
    // Same shape as the subclasses' names (see brand): not enumerable, not writable.
    mark(this, BASE_MARKER, 'TokenwireError');
  }

  /** Marks `this` as an instance of the named subclass, for the cross-realm `isInstance` guard. */
  protected brand(name: string): void {
    mark(this, errorMarker(name), name);
  }

  /** True when `value` is any tokenwire error, from any copy of the package or any realm. */
  static isInstance(value: unknown): value is TokenwireError {
    return hasMarker(value, BASE_MARKER);
  }

  /** Checks the marker of a named subclass; used by the subclasses' own `isInstance`. */
  protected static hasBrand(value: unknown, name: string): boolean {
    return hasMarker(value, errorMarker(name));
  }

  /** The context fields as a plain object, for logs and support tickets. */
  get context(): ErrorContext {
    return Object.fromEntries(CONTEXT_KEYS.map((key) => [key, this[key]])) as ErrorContext;
  }
}
