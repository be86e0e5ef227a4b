import type { TencentCallOptions, TencentEnvelope } from '@tokenwire/core';

/**
 * Per-call options every `live_config` function accepts and hands to `client.call` unchanged (also to any
 * read-back it makes): `signal`, a per-attempt `timeoutMs`, and a `retry` policy override.
 */
export type LiveConfigCallOptions = TencentCallOptions;

/**
 * What the `live_config` functions need from a client: the `call` method of `createTencentClient`'s result.
 * Any object with that method fits, so tests and wrappers can stand in for the real client.
 *
 * @example
 * ```ts
 * const client: LiveConfigClient = createTencentClient({ sdkAppId, identifier: 'administrator', secretKey, region: 'singapore' });
 * ```
 */
export interface LiveConfigClient {
  /**
   * Sends `POST /v4/{service}/{command}` with `body` and resolves to the success envelope; rejects with
   * `TencentApiError` or a transport error (see `createTencentClient`).
   */
  call(service: string, command: string, body?: object, options?: LiveConfigCallOptions): Promise<TencentEnvelope>;
}

/** The REST service of every command in this package. */
export const LIVE_CONFIG_SERVICE = 'live_config';
