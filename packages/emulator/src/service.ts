import type { Clock, RandomUint32Source } from '@tokenwire/core';

/** What the emulator gives each emulated service when it creates it. */
export interface ServiceDependencies {
  /** The emulator's clock (milliseconds since the epoch); injectable for tests. */
  readonly now: Clock;
  /**
   * The emulator's source of random unsigned 32-bit integers, for the identifiers a service makes up (RequestIds,
   * tokens, object keys); injectable for tests. Defaults to one backed by `crypto.getRandomValues`.
   */
  readonly random?: RandomUint32Source;
}

/**
 * One emulated upstream (Tencent REST or AICC). The emulator asks each service in turn; a service answers the
 * requests that belong to it and returns `undefined` for the rest.
 */
export interface EmulatedService {
  /** Returns the response for a request of this service, or `undefined` when the request is not for it. */
  handle(request: Request): Promise<Response | undefined>;
  /**
   * The secrets the service currently knows (keys, issued tokens), which the emulator scrubs from its request log
   * and error messages. Called for each log entry, so it should be cheap.
   */
  secrets?(): Iterable<string>;
}
