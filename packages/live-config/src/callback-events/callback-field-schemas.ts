import * as v from 'valibot';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * An account or room identifier. Tencent sends identifiers as strings, but some LiveKit samples carry them as
 * JSON numbers (`"Owner_Account": 144115216631667826`); both come out as the exact decimal string, because the
 * body is parsed with `parseJsonExact`.
 */
export const IdentifierSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer identifier'),
    v.transform((value): string => String(value)),
  ))();

/** A millisecond Unix timestamp (`EventTime`). */
export const MillisecondTimeSchema = /* @__PURE__ */ (() => v.pipe(v.number(), v.integer()))();

/** A second Unix timestamp (`CreateTime`, `GiftWater.Time`). */
export const SecondTimeSchema = /* @__PURE__ */ (() => v.pipe(v.number(), v.integer()))();

/** A non-negative integer count. */
export const CountSchema = /* @__PURE__ */ (() => v.pipe(v.number(), v.integer(), v.minValue(0)))();

/**
 * A string enumeration that stays open to values Tencent adds later: the documented values are offered by the
 * type (`'A' | 'B' | (string & {})`), any string is accepted.
 */
export function openPicklist<const TOptions extends readonly string[]>(_options: TOptions) {
  return v.pipe(
    v.string(),
    v.transform((value) => value as TOptions[number] | (string & {})),
  );
}
