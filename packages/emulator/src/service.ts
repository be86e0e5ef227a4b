import type { Clock } from '@tokenwire/core';

/** What the emulator gives each emulated service when it creates it. */
export interface ServiceDependencies {
  /** The emulator's clock (milliseconds since the epoch); injectable for tests. */
  readonly now: Clock;
}

/**
 * One emulated upstream (Tencent REST or AICC). The emulator asks each service in turn; a service answers the
 * requests that belong to it and returns `undefined` for the rest.
 */
export interface EmulatedService {
  /** Returns the response for a request of this service, or `undefined` when the request is not for it. */
  handle(request: Request): Promise<Response | undefined>;
}
