import * as v from 'valibot';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * The type of a `number` schema piped through `integer()`: the `ErrorCode` of a callback answer, which tokenwire
 * writes itself.
 */
export type IntegerSchema = v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>]>;

/**
 * The type of a lenient integer field of a callback body: a JSON number, or a string of decimal digits (Tencent's
 * room-message callbacks send `"EventTime":"1670574414123"`, 647/74347 and 647/74348), that comes out as a
 * `number`. Anything else — a fraction, a word, an integer beyond 2^53 — is a shape mismatch.
 */
export type LenientIntegerSchema = v.SchemaWithPipe<
  readonly [v.UnionSchema<[v.NumberSchema<undefined>, v.StringSchema<undefined>], undefined>, v.RawTransformAction<string | number, number>]
>;

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

const DECIMAL_DIGITS = /^-?[0-9]{1,16}$/;

/**
 * Builds a {@link LenientIntegerSchema}: a safe integer, from a JSON number or a string of its decimal digits, at
 * least `minimum` when given. Issues name what was expected (`integer`, `non-negative integer`), never the value.
 *
 * @internal
 */
export function lenientInteger(minimum?: number): LenientIntegerSchema {
  const expected = minimum === 0 ? 'non-negative integer' : 'integer';
  return v.pipe(
    v.union([v.number(), v.string()]),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const input = dataset.value;
      const value = typeof input === 'number' ? input : DECIMAL_DIGITS.test(input) ? Number(input) : Number.NaN;
      if (!Number.isSafeInteger(value) || (minimum !== undefined && value < minimum)) {
        addIssue({ expected, message: `must be a ${expected} (a number or a string of digits)` });
        return NEVER;
      }
      return value;
    }),
  );
}

/** A millisecond Unix timestamp (`EventTime`), as a number or a string of digits. */
export const MillisecondTimeSchema: LenientIntegerSchema = /* @__PURE__ */ (() => lenientInteger())();

/** A second Unix timestamp (`CreateTime`, `GiftWater.Time`), as a number or a string of digits. */
export const SecondTimeSchema: LenientIntegerSchema = /* @__PURE__ */ (() => lenientInteger())();

/** A non-negative integer count (gift `Count` and `Coins`, room statistics), as a number or a string of digits. */
export const CountSchema: LenientIntegerSchema = /* @__PURE__ */ (() => lenientInteger(0))();

/** Any other integer of a callback body (`MaxMemberCount`, `EventType` codes …), as a number or a string of digits. */
export const CallbackIntegerSchema: LenientIntegerSchema = /* @__PURE__ */ (() => lenientInteger())();

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

/**
 * The type of the `CallbackCommand` field of a body schema: optional, and any string — `verifyLiveCallback`
 * compares it with the URL's command and reports a disagreement as `commandMismatch` instead of refusing the body.
 */
export type CallbackCommandFieldSchema<TCommand extends string> = v.OptionalSchema<OpenPicklistSchema<TCommand>, undefined>;

/** Builds the `CallbackCommand` field of a body schema (see {@link CallbackCommandFieldSchema}). */
export function callbackCommandField<const TCommand extends string>(command: TCommand): CallbackCommandFieldSchema<TCommand> {
  return v.optional(openPicklist([command]));
}
