import type * as v from 'valibot';

/** The keys `T` declares, without its index signature. */
type DeclaredKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown };

/**
 * The entries of an object schema whose output is `T`: one schema per field `T` declares (except the `TOmitted`
 * ones, which something else than the schema sets), each outputting that field's type. Check a schema's entries
 * with `satisfies EntriesOf<T>`: the compiler then reports a field the schema lacks, a field it adds and a field of
 * another type — the annotation `v.GenericSchema<unknown, T>` alone lets a loose object drop an optional field
 * unnoticed.
 */
export type EntriesOf<T, TOmitted extends keyof T = never> = {
  readonly [K in Exclude<DeclaredKeys<T>, TOmitted>]-?: v.GenericSchema<unknown, T[K & keyof T]>;
};
