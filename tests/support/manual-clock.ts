/*
 * The one test clock of the repository: time that moves only when a test moves it. Every package's tests import it
 * by its path (it is source, not a package: nothing to build first); turbo reruns them when it changes
 * (`globalDependencies`).
 */

/** A clock a test moves by hand: `now` for the code under test (a `Clock`), `advance` for the test. */
export interface ManualClock {
  /** The current time, in milliseconds since the epoch. */
  now(): number;
  /** Moves the clock forward by `milliseconds`. */
  advance(milliseconds: number): void;
}

/**
 * Creates a {@link ManualClock} that reads `start` until advanced.
 *
 * @example
 * ```ts
 * const clock = createManualClock(Date.parse('2025-06-01T08:00:00Z'));
 * const service = createAiccService(options, { now: clock.now });
 * clock.advance(600_000); // the AccessToken expires
 * ```
 */
export function createManualClock(start: number): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance(milliseconds) {
      current += milliseconds;
    },
  };
}
