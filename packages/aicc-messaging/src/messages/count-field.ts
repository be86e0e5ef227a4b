import * as v from 'valibot';

/** A whole number AICC may send as a number or a string of digits; output as a number, absent/`null` as `undefined`. */
export const CountSchema: v.SchemaWithPipe<
  readonly [
    v.OptionalSchema<
      v.NullableSchema<
        v.UnionSchema<
          [
            v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>]>,
            v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, undefined>]>,
          ],
          string
        >,
        undefined
      >,
      undefined
    >,
    v.TransformAction<string | number | null | undefined, number | undefined>,
  ]
> = /* @__PURE__ */ (() =>
  v.pipe(
    v.optional(
      v.nullable(
        v.union(
          [v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^\s*-?\d{1,15}\s*$/))],
          'must be a whole number or a string of digits',
        ),
      ),
    ),
    v.transform((value) => (value === undefined || value === null ? undefined : Number(value))),
  ))();
