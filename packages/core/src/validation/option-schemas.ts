import * as v from 'valibot';
import type { RetryOptions } from '../client/retry-policy.js';
import type { KyInstanceLike } from '../engine/ky-instance-like.js';
import { MAX_TIMER_DELAY_MS } from '../engine/sleep.js';

// The valibot schemas the options of tokenwire's clients share. Messages say what is expected and, at most, the
// type that was given: never the value, since some options are secrets.

/** A valibot message: a fixed text, or one made from the issue. */
type Message = (issue: v.BaseIssue<unknown>) => string;

/**
 * What a value is, for a message: `null`, `an array` or its `typeof`. Never the value itself.
 *
 * @internal
 */
export function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : Number.isNaN(value) ? 'NaN' : typeof value;
}

/**
 * The message `"<expected>, got <type of the input>"`.
 *
 * @internal
 */
export function expected(what: string): Message {
  return (issue) => `${what}, got ${describeType(issue.input)}`;
}

/**
 * The message of an options object's own issues: an unknown key is "not a known option", a missing one "is
 * required", anything else `must be <what>, got <type>`.
 */
function optionsObjectMessage(what: string): (issue: v.StrictObjectIssue) => string {
  return (issue) => {
    if (issue.expected === 'never') return 'is not a known option';
    if (issue.path !== undefined && issue.path.length > 0) return 'is required';
    return `must be ${what}, got ${describeType(issue.input)}`;
  };
}

/**
 * An options object: a plain object (not an array) whose keys are exactly `entries`' (an unknown key is "not a
 * known option"; valibot reports the first one).
 *
 * @internal
 */
export function optionsObject<const TEntries extends v.ObjectEntries>(
  entries: TEntries,
  what: string,
): v.SchemaWithPipe<
  readonly [
    v.CustomSchema<Record<string, unknown>, v.ErrorMessage<v.CustomIssue> | undefined>,
    v.StrictObjectSchema<TEntries, (issue: v.StrictObjectIssue) => string>,
  ]
> {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      expected(`must be ${what}`),
    ),
    v.strictObject(entries, optionsObjectMessage(what)),
  );
}

/**
 * A function option, typed as `T`; `what` names it in the message (`must be a clock function, got number`).
 *
 * @internal
 */
export function functionSchema<T>(what = 'a function'): v.GenericSchema<T> {
  return v.custom<T>((value) => typeof value === 'function', expected(`must be ${what}`));
}

/**
 * A ky instance (`ky.create(…)`, `ky.extend(…)`).
 *
 * @internal
 */
export const KySchema: v.GenericSchema<KyInstanceLike> = /* @__PURE__ */ (() =>
  v.custom<KyInstanceLike>(
    (value) => typeof value === 'function' && typeof (value as Partial<KyInstanceLike>).extend === 'function',
    expected('must be a ky instance (ky.create(…) or ky.extend(…))'),
  ))();

/**
 * An `AbortSignal` (from this realm or another: anything with `aborted` and `addEventListener`).
 *
 * @internal
 */
export const AbortSignalSchema: v.GenericSchema<AbortSignal> = /* @__PURE__ */ (() =>
  v.custom<AbortSignal>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      'aborted' in value &&
      typeof (value as Partial<AbortSignal>).addEventListener === 'function',
    'must be an AbortSignal',
  ))();

/**
 * A number of milliseconds that can be waited for: more than 0, at most {@link MAX_TIMER_DELAY_MS}.
 *
 * @internal
 */
export const TimeoutSchema: v.GenericSchema<number> = /* @__PURE__ */ (() => {
  const message = `must be a positive number of milliseconds up to ${MAX_TIMER_DELAY_MS}`;
  return v.pipe(
    v.number(expected(message)),
    v.check((milliseconds) => milliseconds > 0 && milliseconds <= MAX_TIMER_DELAY_MS, message),
  );
})();

/**
 * A number in `[min, max]` (a whole one with `integer`), with one message for every way to miss it. One `check`
 * rather than valibot's `integer`/`minValue`/`maxValue`: a field gets one message that states the whole rule, and the
 * browser chat bundle carries none of those four actions (`scripts/size.mjs`, its 20 KB budget).
 *
 * @internal
 */
export function numberIn(min: number, max: number, message: string, integer = false): v.GenericSchema<number> {
  return v.pipe(
    v.number(expected(message)),
    v.check((value) => value >= min && value <= max && (!integer || Number.isInteger(value)), message),
  );
}

/** The `RetryOptions` object (every field optional). */
const RetryOptionsObjectSchema: v.GenericSchema<RetryOptions> = /* @__PURE__ */ (() => {
  const delay = v.optional(numberIn(0, MAX_TIMER_DELAY_MS, `must be a number of milliseconds from 0 to ${MAX_TIMER_DELAY_MS}`));
  return optionsObject(
    {
      limit: v.optional(numberIn(0, 100, 'must be an integer from 0 to 100', true)),
      baseDelayMs: delay,
      maxDelayMs: delay,
      rateLimitBaseDelayMs: delay,
      rateLimitMaxDelayMs: delay,
    },
    'false or an object',
  );
})();

/**
 * A `retry` option: `false` (one attempt) or `RetryOptions`. Each field's problem is reported at its own path
 * (`retry.limit`).
 *
 * @internal
 */
export const RetryOptionSchema: v.GenericSchema<RetryOptions | false> = /* @__PURE__ */ (() =>
  v.lazy((input) => (input === false ? v.custom<false>((value) => value === false) : RetryOptionsObjectSchema)))();
