import { createTencentClient, type TencentClient } from '@tokenwire/core';
import { createEmulator, type FaultRule } from '@tokenwire/emulator';

/** The emulated app every test talks to. */
export const SDK_APP_ID = 1400000000;
export const SECRET_KEY = 'emulated-secret-key-0123456789abcdef';
export const ADMIN = 'administrator';

/** A fetch as the fake network sees it: the Request the client's `fetch(url, init)` call describes. */
export type ClientFetch = (request: Request) => Promise<Response>;

export interface HarnessOptions {
  /** Fault rules active from the start. */
  readonly faults?: readonly FaultRule[];
  /** Wraps the emulator's fetch (to lose answers after the emulator applied a change, to count, …). */
  readonly wrapFetch?: (fetch: ClientFetch) => ClientFetch;
  /** Per-attempt timeout of the client. */
  readonly timeoutMs?: number;
  /** Clock shared by the emulator and the client. */
  readonly now?: () => number;
}

/**
 * An in-process emulator and a client wired to it. Backoff delays are zero so fault tests run fast; the retry
 * limit is the default (3 retries).
 */
export function createHarness(options: HarnessOptions = {}) {
  const emulator = createEmulator({
    tencent: { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: [ADMIN] },
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const emulatorFetch: ClientFetch = (request) => emulator.fetch(request);
  const network = options.wrapFetch === undefined ? emulatorFetch : options.wrapFetch(emulatorFetch);
  const client: TencentClient = createTencentClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    baseUrl: 'http://emulator.test',
    fetch: (input, init) => network(new Request(input, init)),
    retry: { baseDelayMs: 0, maxDelayMs: 0, rateLimitBaseDelayMs: 0, rateLimitMaxDelayMs: 0 },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const tencent = () => emulator.state.tencent!;
  /** Requests the emulated service saw for one command (faulted ones excluded) and how they ended. */
  const counters = (command: string) =>
    tencent().commandCounters[`live_config/${command}`] ?? { requests: 0, succeeded: 0, failed: 0, rateLimited: 0 };
  return { emulator, client, tencent, counters };
}

/**
 * Wraps a fetch so that the answers to the first `times` requests for `live_config/{command}` are lost after the
 * server handled them: the change is applied, then the connection "drops" and the client sees a network error —
 * the ambiguous failure the emulator's own faults cannot express (they strike before the service sees the
 * request).
 */
export function loseAnswersAfterApplying(command: string, times = 1): (fetch: ClientFetch) => ClientFetch {
  let lost = 0;
  return (fetch) => async (request) => {
    const lose = isCommand(request, command) && lost < times;
    const response = await fetch(request);
    if (!lose) return response;
    lost++;
    await response.body?.cancel();
    throw new TypeError('fetch failed: the connection was reset after the request was sent');
  };
}

/** True for requests to `live_config/{command}`. */
export const isCommand = (request: Request, command: string): boolean => new URL(request.url).pathname === `/v4/live_config/${command}`;
