import * as v from 'valibot';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * The type of a `number` schema piped through `integer()`: callback timestamps (`EventTime`, `CreateTime`) and
 * identifiers sent as JSON numbers.
 */
export type IntegerSchema = v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>]>;

/**
 * An account or room identifier. Tencent sends identifiers as strings, but some LiveKit samples carry them as
 * JSON numbers (`"Owner_Account": 144115216631667826`); both come out as the exact decimal string, because the
 * body is parsed with `parseJsonExact`.
 */
export const IdentifierSchema: v.SchemaWithPipe<
  readonly [v.UnionSchema<[v.StringSchema<undefined>, IntegerSchema], string>, v.TransformAction<string | number, string>]
> = /* @__PURE__ */ (() =>
  v.pipe(
    v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer identifier'),
    v.transform((value): string => String(value)),
  ))();

/** A millisecond Unix timestamp (`EventTime`). */
export const MillisecondTimeSchema: IntegerSchema = /* @__PURE__ */ (() => v.pipe(v.number(), v.integer()))();

/** A second Unix timestamp (`CreateTime`, `GiftWater.Time`). */
export const SecondTimeSchema: IntegerSchema = /* @__PURE__ */ (() => v.pipe(v.number(), v.integer()))();

/**
 * The type of a `number` schema piped through `integer()` and `minValue(0)`: counts in callback bodies (gift
 * `Count` and `Coins`, room statistics).
 */
export type NonNegativeIntegerSchema = v.SchemaWithPipe<
  readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, 0, undefined>]
>;

/** A non-negative integer count. */
export const CountSchema: NonNegativeIntegerSchema = /* @__PURE__ */ (() => v.pipe(v.number(), v.integer(), v.minValue(0)))();

/**
 * The type of a string enumeration that stays open to values Tencent adds later (built by `openPicklist`): any
 * string is accepted and comes out typed as `TValue | (string & {})`, so the documented values `TValue`
 * complete in the editor.
 */
export type OpenPicklistSchema<TValue extends string> = v.SchemaWithPipe<
  readonly [v.StringSchema<undefined>, v.TransformAction<string, TValue | (string & {})>]
>;

/**
 * A string enumeration that stays open to values Tencent adds later: the documented values are offered by the
 * type (`'A' | 'B' | (string & {})`), any string is accepted.
 */
export function openPicklist<const TOptions extends readonly string[]>(_options: TOptions): OpenPicklistSchema<TOptions[number]> {
  return v.pipe(
    v.string(),
    v.transform((value) => value as TOptions[number] | (string & {})),
  );
}
