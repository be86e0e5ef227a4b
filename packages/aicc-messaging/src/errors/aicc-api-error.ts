import { TokenwireError, type ErrorContext } from '@tokenwire/core';

const NAME = 'AiccApiError';

/** AICC's "interface flow control" code: the request was throttled and not processed, so it may be repeated. */
export const FLOW_CONTROL_RESULT_CODE = '10010000002';

/** Which body field carried the code: `resultCode` everywhere except `uploadFileStream` (`returnCode`). */
export type AiccResultField = 'resultCode' | 'returnCode';

/** What an {@link AiccApiError} is made of: the business outcome and the request context. */
export interface AiccApiErrorInit extends ErrorContext {
  /** The `resultCode` (or `returnCode`) AICC answered, always as a string, never `"0"`. */
  readonly code: string;
  /** AICC's `resultDesc`, secrets redacted; `undefined` when the answer had none. */
  readonly description?: string | undefined;
  /** The field the code came from. Defaults to `resultCode`. */
  readonly field?: AiccResultField | undefined;
}

/**
 * AICC answered HTTP 2xx but reported a business failure: `resultCode` other than `"0"` (or `returnCode` for
 * `uploadFileStream`). `code` and `description` are AICC's own; `path` names the API. Only flow control
 * ({@link FLOW_CONTROL_RESULT_CODE}) is `retryable` — the client already retried it with backoff before throwing.
 *
 * @example
 * ```ts
 * try {
 *   await session.queueInfo();
 * } catch (error) {
 *   if (AiccApiError.isInstance(error) && error.code === '160004') console.log('no queued session');
 * }
 * ```
 */
export class AiccApiError extends TokenwireError {
  /** AICC's `resultCode` (or `returnCode`), as a string. */
  declare readonly code: string;
  /** AICC's `resultDesc`, secrets redacted. */
  declare readonly description: string | undefined;
  /** The field the code came from. */
  declare readonly field: AiccResultField;
  /**
   * How the client retries it: `rate_limit` for flow control (with the rate-limit backoff, like HTTP 429), `none`
   * for every other code.
   */
  declare readonly retryClass: 'rate_limit' | 'none';

  constructor(init: AiccApiErrorInit) {
    const field = init.field ?? 'resultCode';
    const where = init.path === undefined ? '' : ` from ${init.path}`;
    super(`AICC ${field} ${init.code}${where}: ${init.description || 'no resultDesc given'}`, {
      ...init,
      retryable: init.code === FLOW_CONTROL_RESULT_CODE,
    });
    this.code = init.code;
    this.description = init.description;
    this.field = field;
    this.retryClass = init.code === FLOW_CONTROL_RESULT_CODE ? 'rate_limit' : 'none';
    this.brand(NAME);
  }

  /** True when `value` is an {@link AiccApiError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is AiccApiError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
