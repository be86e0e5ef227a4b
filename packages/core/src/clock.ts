/**
 * A clock: milliseconds since the Unix epoch, like `Date.now`. Every time-dependent function of tokenwire
 * takes one as `now`, so tests can freeze or move time.
 */
export type Clock = () => number;

/** The real clock. */
export const systemClock: Clock = () => Date.now();
