import * as v from 'valibot';

/** A whole number AICC may send as a number or a string of digits; output as a number, absent/`null` as `undefined`. */
export const CountSchema: v.GenericSchema<unknown, number | undefined> = /* @__PURE__ */ (() =>
  v.pipe(
    v.optional(
      v.nullable(
        v.custom<number | string>(
          (value) => Number.isInteger(value) || (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)),
          'must be a whole number or a string of digits',
        ),
      ),
    ),
    v.transform((value) => (value === undefined || value === null ? undefined : Number(value))),
  ))();
