import { TokenwireError } from '@tokenwire/core';

const NAME = 'GatewayError';

/** What a {@link GatewayError} is made of. */
export interface GatewayErrorInit {
  /** The gateway's code (`x-aicc-gateway-error`). */
  readonly code: string;
  /** The gateway URL called, without its query. */
  readonly url: string;
  readonly status: number;
  /** The gateway's `message`, secrets redacted. */
  readonly description?: string | undefined;
  readonly attempt?: number | undefined;
}

/**
 * The gateway refused a call itself (its answer carries `x-aicc-gateway-error`): AICC was not asked, or the gateway
 * could not reach it. `code` is the gateway's — tokenwire's edge worker sends `unauthorized` (the end user's
 * credential; no `ccmessaging-token` re-apply is tried), `forbidden` (another user's `userId`), `not_found`,
 * `method_not_allowed`, `payload_too_large`, `gateway_busy`, `misconfigured` (never retried: the gateway's
 * operator must act), `upstream_unavailable`, `upstream_timeout`, … — and `url` the gateway URL called (without its
 * query), never a token. It is retried like an HTTP error of its status (429: rate limit; 5xx but `misconfigured`:
 * transient, idempotent calls only).
 *
 * @example
 * ```ts
 * try {
 *   await session.connect();
 * } catch (error) {
 *   if (GatewayError.isInstance(error) && error.code === 'unauthorized') await auth.signInAgain();
 * }
 * ```
 */
export class GatewayError extends TokenwireError {
  /** The gateway's code, e.g. `unauthorized`, `misconfigured`. */
  declare readonly code: string;
  /** The gateway URL called, without its query. */
  declare readonly url: string;
  /** How the client retries it. */
  declare readonly retryClass: 'transient' | 'rate_limit' | 'none';

  constructor(init: GatewayErrorInit) {
    const retryClass = init.status === 429 ? 'rate_limit' : init.status >= 500 && init.code !== 'misconfigured' ? 'transient' : 'none';
    super(`Gateway ${init.status} ${init.code} from ${init.url}${init.description ? `: ${init.description}` : ''}`, {
      status: init.status,
      attempt: init.attempt,
      retryable: retryClass !== 'none',
    });
    this.code = init.code;
    this.url = init.url;
    this.retryClass = retryClass;
    this.brand(NAME);
  }

  /** True when `value` is a {@link GatewayError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is GatewayError {
    return TokenwireError.hasBrand(value, NAME);
  }
}
