import type * as v from 'valibot';

/** The keys `T` declares, without its index signatures. */
type DeclaredKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown };

/**
 * The entries of an object schema whose output is `T`: one schema per field `T` declares (optional fields with
 * `v.optional`), of that field's type. Check a schema's entries with `satisfies EntriesOf<T>`: the compiler then
 * reports a field the schema lacks, a field it adds and a field of another type — the annotation
 * `v.GenericSchema<unknown, T>` alone lets a loose object drop an optional field unnoticed.
 */
export type EntriesOf<T> = { readonly [K in DeclaredKeys<T>]-?: v.GenericSchema<unknown, T[K]> };
