import * as v from 'valibot';

/**
 * A `resultCode`/`returnCode`: documented as a string, accepted as a number too, always output as a string.
 */
export const ResultCodeSchema = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer'),
  v.transform((code) => String(code)),
);

/** A `resultDesc`: free text; `null` (seen in the wild) reads as absent. */
export const ResultDescriptionSchema = v.optional(
  v.pipe(
    v.nullable(v.string('must be a string')),
    v.transform((text) => text ?? undefined),
  ),
);

/**
 * A `timestamp`/`receiveTime`: AICC's tables say string (ms since the epoch), its examples send a number. Both are
 * accepted and kept as they came.
 */
export const TimestampSchema = v.union([v.string(), v.number()], 'must be a string or a number');

/**
 * A field with documented values that must not reject undocumented ones: outputs the string typed as
 * `Known | (string & {})`. The values only shape the type; any string is accepted.
 *
 * @internal
 */
export function openPicklist<const TValues extends readonly string[]>(_values: TValues) {
  return v.pipe(
    v.string('must be a string'),
    v.transform((text) => text as TValues[number] | (string & {})),
  );
}

/** An optional boolean that may arrive as `"true"`/`"false"`; absent or `null` reads as `false`. */
export const LenientBooleanSchema = v.optional(
  v.pipe(
    v.nullable(v.union([v.boolean(), v.picklist(['true', 'false'])], 'must be a boolean')),
    v.transform((value) => value === true || value === 'true'),
  ),
  false,
);

/**
 * A list AICC may omit or send as `null`: output as an array, empty in those cases.
 *
 * @internal
 */
export function optionalList<TItem extends v.GenericSchema>(item: TItem, message: string) {
  return v.optional(
    v.pipe(
      v.nullable(v.array(item, message)),
      v.transform((list) => list ?? []),
    ),
    () => [],
  );
}
