import * as v from 'valibot';

/**
 * A `resultCode`/`returnCode`: documented as a string, accepted as a number too, always output as a string.
 */
export const ResultCodeSchema: v.SchemaWithPipe<
  readonly [
    v.UnionSchema<
      [v.StringSchema<undefined>, v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>]>],
      string
    >,
    v.TransformAction<string | number, string>,
  ]
> = /* @__PURE__ */ (() =>
  v.pipe(
    v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer'),
    v.transform((code) => String(code)),
  ))();

/** A `resultDesc`: free text; `null` (seen in the wild) reads as absent. */
export const ResultDescriptionSchema: v.OptionalSchema<
  v.SchemaWithPipe<readonly [v.NullableSchema<v.StringSchema<string>, undefined>, v.TransformAction<string | null, string | undefined>]>,
  undefined
> = /* @__PURE__ */ (() =>
  v.optional(
    v.pipe(
      v.nullable(v.string('must be a string')),
      v.transform((text) => text ?? undefined),
    ),
  ))();

/**
 * The schema of a ccmessaging answer that carries nothing but `resultCode` and `resultDesc` (`send`,
 * `doLeaveMessage`, robot feedback). Unknown fields pass through.
 */
export const ResultOnlyResponseSchema: v.LooseObjectSchema<
  { readonly resultCode: typeof ResultCodeSchema; readonly resultDesc: typeof ResultDescriptionSchema },
  undefined
> = /* @__PURE__ */ (() => v.looseObject({ resultCode: ResultCodeSchema, resultDesc: ResultDescriptionSchema }))();

/** The type of a string field of an AICC answer: absent or `null` when not set. */
export type OptionalStringSchema = v.OptionalSchema<v.NullableSchema<v.StringSchema<string>, undefined>, undefined>;

/**
 * A `timestamp`/`receiveTime`: AICC's tables say string (ms since the epoch), its examples send a number. Both are
 * accepted and kept as they came.
 */
export const TimestampSchema: v.UnionSchema<[v.StringSchema<undefined>, v.NumberSchema<undefined>], string> = /* @__PURE__ */ (() =>
  v.union([v.string(), v.number()], 'must be a string or a number'))();

/**
 * The type of a string field with documented values `TValue` that must not reject undocumented ones: any string is
 * accepted and comes out typed as `TValue | (string & {})`, so the documented values complete in the editor.
 */
export type OpenPicklistSchema<TValue extends string> = v.SchemaWithPipe<
  readonly [v.StringSchema<string>, v.TransformAction<string, TValue | (string & {})>]
>;

/**
 * A field with documented values that must not reject undocumented ones: outputs the string typed as
 * `TValue | (string & {})`. The documented values (`TValue`) only shape the type; any string is accepted.
 *
 * @internal
 */
export function openPicklist<TValue extends string>(): OpenPicklistSchema<TValue> {
  return v.pipe(
    v.string('must be a string'),
    v.transform((text) => text as TValue | (string & {})),
  );
}

/** The type of a documented enumeration field of a message AICC returns: absent or `null` when not set. */
export type OptionalPicklistSchema<TValue extends string> = v.OptionalSchema<
  v.NullableSchema<OpenPicklistSchema<TValue>, undefined>,
  undefined
>;

/**
 * An optional, nullable {@link openPicklist}.
 *
 * @internal
 */
export function optionalPicklist<TValue extends string>(): OptionalPicklistSchema<TValue> {
  return v.optional(v.nullable(openPicklist<TValue>()));
}

/** An optional boolean that may arrive as `"true"`/`"false"`; absent or `null` reads as `false`. */
export const LenientBooleanSchema: v.OptionalSchema<
  v.SchemaWithPipe<
    readonly [
      v.NullableSchema<v.UnionSchema<[v.BooleanSchema<undefined>, v.PicklistSchema<['true', 'false'], undefined>], string>, undefined>,
      v.TransformAction<boolean | 'true' | 'false' | null, boolean>,
    ]
  >,
  false
> = /* @__PURE__ */ (() =>
  v.optional(
    v.pipe(
      v.nullable(v.union([v.boolean(), v.picklist(['true', 'false'])], 'must be a boolean')),
      v.transform((value) => value === true || value === 'true'),
    ),
    false,
  ))();

/**
 * The type of a list AICC may omit or send as `null`: an array of `TItem`, output as an array (empty in those
 * cases).
 */
export type OptionalListSchema<TItem extends v.GenericSchema> = v.OptionalSchema<
  v.SchemaWithPipe<
    readonly [
      v.NullableSchema<v.ArraySchema<TItem, string>, undefined>,
      v.TransformAction<v.InferOutput<TItem>[] | null, v.InferOutput<TItem>[]>,
    ]
  >,
  () => never[]
>;

/**
 * A list AICC may omit or send as `null`: output as an array, empty in those cases.
 *
 * @internal
 */
export function optionalList<TItem extends v.GenericSchema>(item: TItem, message: string): OptionalListSchema<TItem> {
  return v.optional(
    v.pipe(
      v.nullable(v.array(item, message)),
      v.transform((list) => list ?? []),
    ),
    () => [],
  );
}
