import * as v from 'valibot';

/**
 * An account or room identifier. Tencent sends identifiers as strings, but some LiveKit samples carry them as
 * JSON numbers (`"Owner_Account": 144115216631667826`); both come out as the exact decimal string, because the
 * body is parsed with `parseJsonExact`.
 */
export const IdentifierSchema: v.GenericSchema<unknown, string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer identifier'),
    v.transform((value): string => String(value)),
  ))();

const DECIMAL_DIGITS = /^-?[0-9]{1,16}$/;

/**
 * A lenient integer field of a callback body: a safe integer, from a JSON number or a string of its decimal digits
 * (Tencent's room-message callbacks send `"EventTime":"1670574414123"`, 647/74347 and 647/74348), at least
 * `minimum` when given; it comes out as a `number`. Anything else — a fraction, a word, an integer beyond 2^53 —
 * is a shape mismatch. Issues name what was expected (`integer`, `non-negative integer`), never the value.
 */
function lenientInteger(minimum?: number): v.GenericSchema<unknown, number> {
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
export const MillisecondTimeSchema: v.GenericSchema<unknown, number> = /* @__PURE__ */ (() => lenientInteger())();

/** A second Unix timestamp (`CreateTime`, `GiftWater.Time`), as a number or a string of digits. */
export const SecondTimeSchema: v.GenericSchema<unknown, number> = /* @__PURE__ */ (() => lenientInteger())();

/** A non-negative integer count (gift `Count` and `Coins`, room statistics), as a number or a string of digits. */
export const CountSchema: v.GenericSchema<unknown, number> = /* @__PURE__ */ (() => lenientInteger(0))();

/** Any other integer of a callback body (`MaxMemberCount`, `EventType` codes …), as a number or a string of digits. */
export const CallbackIntegerSchema: v.GenericSchema<unknown, number> = /* @__PURE__ */ (() => lenientInteger())();

/**
 * A string enumeration that stays open to values Tencent adds later: any string is accepted, typed
 * `TValue | (string & {})` so the documented values (`options`, listed for the type and the reader) complete in
 * the editor.
 */
export function openPicklist<const TOptions extends readonly string[]>(
  _options: TOptions,
): v.GenericSchema<unknown, TOptions[number] | (string & {})> {
  return v.string();
}

/**
 * The `CallbackCommand` field of a body schema: optional, and any string — `verifyLiveCallback` compares it with
 * the URL's command and reports a disagreement as `commandMismatch` instead of refusing the body.
 */
export function callbackCommandField<const TCommand extends string>(command: TCommand) {
  return v.optional(openPicklist([command]));
}
