/*
 * Shared set-up for the tests (not part of the package): a manual clock shared by the client and the emulator,
 * the client's timers taken over (backoff instant, deadlines pending), a fetch that records what was sent, and an emulator
 * with a short poll hold.
 */
import { afterEach } from 'vitest';
import { AICC_DIALECTS, createEmulator, type AiccDialect, type AiccServiceOptions, type FaultRule } from '@tokenwire/emulator';
import { createAiccClient, type AiccClientOptions } from '../src/client/create-aicc-client.js';
import { createManualClock } from '../../../tests/support/manual-clock.js';

export const APP_KEY = '6f1c2a4e-0b7d-4c1e-9a51-3d2f8e7b6c10';
export const APP_SECRET = 'aicc-test-app-secret-9d8c7b6a5f4e';
export const CHANNEL_ID = 'web-channel-1';
export const BASE_URL = 'https://aicc.test';
export const CLOCK_START = Date.parse('2025-06-01T08:00:00Z');

/**
 * Per-attempt deadlines the tests give clients. The test time treats every client timer at least this long as a
 * deadline (pending until expired or cleared) and anything shorter as a backoff (run at once, recorded).
 */
export const TEST_TIMEOUT_MS = 60_000;
export const TEST_POLL_TIMEOUT_MS = 120_000;

/** The client's timers as the tests see them. */
export interface TestTime {
  /** Backoffs the client waited, in ms, in the order it asked for them (immediate replays of 0 ms are left out). */
  readonly backoffs: number[];
  /** Attempt deadlines currently pending. */
  readonly pendingDeadlines: number;
  /** Makes every pending deadline expire now. */
  expireDeadlines(): void;
}

/** The client's timers: ky's retry wait (`delay`), and core's (the engine's attempt deadline, the abortable sleep). */
const CLIENT_TIMER = /[\\/]ky[\\/]distribution[\\/]utils[\\/]delay\.js|[\\/]packages[\\/]core[\\/](?:dist|src)[\\/]/;

let installed: { readonly time: TestTime; readonly restore: () => void } | undefined;

/**
 * Takes over the client's timers — the clients run every call on ky through core's request engine: ky waits the
 * retry backoff, the engine bounds each attempt with a deadline, and the message stream waits with core's sleep,
 * all with `setTimeout` (told apart by who calls it). A wait shorter than {@link TEST_TIMEOUT_MS} is a backoff:
 * recorded and run at once. A longer one is a deadline: pending until {@link TestTime.expireDeadlines} or until it
 * is cleared. Every other timer (the emulator's poll hold and agent delays, the test's own pauses) runs as usual.
 * Installed once per test and undone after it (see the `afterEach` below).
 */
export function createTestTime(): TestTime {
  if (installed !== undefined) return installed.time;
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const backoffs: number[] = [];
  const deadlines = new Map<object, () => void>();
  const fakeSetTimeout = (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): unknown => {
    const caller = new Error().stack?.split('\n').slice(2, 5).join('\n') ?? '';
    if (!CLIENT_TIMER.test(caller)) return realSetTimeout(handler, ms, ...args);
    const delay = ms ?? 0;
    if (delay >= TEST_TIMEOUT_MS) {
      const handle = {};
      deadlines.set(handle, () => handler(...args));
      return handle;
    }
    if (delay > 0) backoffs.push(delay);
    return realSetTimeout(handler, 0, ...args);
  };
  const fakeClearTimeout = (handle: unknown): void => {
    if (typeof handle === 'object' && handle !== null && deadlines.delete(handle)) return;
    realClearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  };
  globalThis.setTimeout = fakeSetTimeout as typeof setTimeout;
  globalThis.clearTimeout = fakeClearTimeout as typeof clearTimeout;
  const time: TestTime = {
    backoffs,
    get pendingDeadlines() {
      return deadlines.size;
    },
    expireDeadlines() {
      const due = [...deadlines.values()];
      deadlines.clear();
      for (const fire of due) fire();
    },
  };
  installed = {
    time,
    restore: () => {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
    },
  };
  return time;
}

afterEach(() => {
  installed?.restore();
  installed = undefined;
});

/** One request as the recording fetch saw it. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
}

/** One answer as the recording fetch saw it (headers only; the body is left to the client). */
export interface RecordedResponse {
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
}

export type TestFetch = (input: Request) => Promise<Response>;

/** Wraps a fetch, recording every request (with its body) and every answer's status and headers. */
export function recordingFetch(inner: TestFetch) {
  const requests: RecordedRequest[] = [];
  const responses: RecordedResponse[] = [];
  const fetch: TestFetch = async (input) => {
    const body = input.method === 'GET' ? '' : await input.clone().text();
    requests.push({ method: input.method, url: new URL(input.url), headers: new Headers(input.headers), body });
    const response = await inner(input);
    responses.push({ path: new URL(input.url).pathname, status: response.status, headers: new Headers(response.headers) });
    return response;
  };
  return {
    fetch,
    requests,
    responses,
    /** Requests to a path (e.g. `/apiaccess/ccmessaging/send`). */
    to: (path: string) => requests.filter((request) => request.url.pathname === path),
  };
}

/**
 * The documentation dialects the emulated AICC speaks (`api-reference`, `developer-guide`): the client and session
 * tests run against each, so they cannot agree with one reading of Huawei's pages only.
 */
export const DIALECTS: readonly AiccDialect[] = AICC_DIALECTS;

/** What a test bed may change: the emulated AICC's options, its dialect, and faults active from the start. */
export interface TestBedOverrides {
  readonly aicc?: Partial<AiccServiceOptions>;
  readonly faults?: FaultRule[];
  /** The emulator's dialect; the emulator's default (`api-reference`) when omitted. */
  readonly dialect?: AiccDialect;
}

/** Everything a test needs: the emulator, clock, the client's timers, recorder and a client factory. */
export function createTestBed(overrides: TestBedOverrides = {}) {
  const clock = createManualClock(CLOCK_START);
  const dialect = overrides.aicc?.dialect ?? overrides.dialect ?? 'api-reference';
  const emulator = createEmulator({
    aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL_ID, 'web-channel-2'], pollHoldMs: 20, ...overrides.aicc, dialect },
    now: clock.now,
    ...(overrides.faults === undefined ? {} : { faults: overrides.faults }),
  });
  const time = createTestTime();
  const recorder = recordingFetch((input) => emulator.fetch(input));
  /** The fetch the client uses; tests may replace it to tamper with answers. */
  let upstream: TestFetch = recorder.fetch;
  // The client calls fetch(url, init) like the global fetch; the recorder and wrappers see the Request it describes.
  const clientFetch = (input: string | URL | Request, init?: RequestInit) => upstream(new Request(input, init));
  const client = (options: Partial<AiccClientOptions> = {}) =>
    createAiccClient({
      baseUrl: BASE_URL,
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      fetch: clientFetch,
      now: clock.now,
      random: () => 2 ** 31,
      timeoutMs: TEST_TIMEOUT_MS,
      ...options,
    });
  return {
    dialect,
    clock,
    emulator,
    aicc: emulator.aicc,
    time,
    recorder,
    client,
    /** Puts a wrapper between the client and the recorder (to rewrite answers). */
    intercept(wrapper: (next: TestFetch) => TestFetch) {
      upstream = wrapper(recorder.fetch);
    },
    user: (userId = 'user-1') => ({ userId, userName: `Name of ${userId}`, channelId: CHANNEL_ID, locale: 'en' }),
  };
}

export type TestBed = ReturnType<typeof createTestBed>;

/** {@link createTestBed} with the emulator speaking `dialect`, for `describe.each(DIALECTS)`. */
export function dialectTestBed(dialect: AiccDialect): (overrides?: TestBedOverrides) => TestBed {
  return (overrides = {}) => createTestBed({ ...overrides, dialect });
}

/** Asserts that no secret appears anywhere in an error (message, cause, stack, JSON form). */
export function textsOfError(error: unknown): string {
  const value = error as Error & { cause?: unknown };
  const parts = [String(value), value.message ?? '', value.stack ?? '', JSON.stringify(value) ?? '', String(value.cause ?? '')];
  return parts.join('\n');
}
