import * as v from 'valibot';

/** A whole number AICC may send as a number or a string of digits; output as a number, absent/`null` as `undefined`. */
export const CountSchema: v.GenericSchema<unknown, number | undefined> = /* @__PURE__ */ (() =>
  v.pipe(
    v.optional(
      v.nullable(
        v.union(
          [
            v.pipe(
              v.number(),
              v.check((value: number) => Number.isInteger(value)),
            ),
            v.pipe(v.string(), v.regex(/^\s*-?\d{1,15}\s*$/)),
          ],
          'must be a whole number or a string of digits',
        ),
      ),
    ),
    v.transform((value) => (value === undefined || value === null ? undefined : Number(value))),
  ))();
