import * as v from 'valibot';
import type { EntriesOf } from './entries-of.js';

// A field AICC sends in one of two shapes is one `v.custom` predicate with one message, not a `v.union` of two
// schemas: every failure reads the same (`must be a string or a number`), and the browser bundle does not carry
// valibot's union, which only these fields (and the gateway URL) would pull in.

/** Text that AICC also sends as an integer (a `resultCode`, a satisfaction level's key): output as a string. */
export const IntegerTextSchema: v.GenericSchema<unknown, string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.custom<string | number>((value) => typeof value === 'string' || Number.isInteger(value), 'must be a string or an integer'),
    v.transform((text) => String(text)),
  ))();

/** A `resultCode`/`returnCode`: documented as a string, accepted as a number too, always output as a string. */
export const ResultCodeSchema: v.GenericSchema<unknown, string> = IntegerTextSchema;

/** A `resultDesc`: free text, optional; `null` (seen in the wild) reads as absent. */
export const ResultDescriptionSchema: v.GenericSchema<unknown, string | undefined> = /* @__PURE__ */ (() =>
  v.optional(
    v.pipe(
      v.nullable(v.string('must be a string')),
      v.transform((text) => text ?? undefined),
    ),
  ))();

/**
 * An AICC answer that carries nothing but its outcome (`send`, `sendAsync`, `doLeaveMessage`, robot feedback).
 * Unknown fields pass through.
 */
export interface ResultOnlyResponse {
  /** `"0"` on success (AICC may send it as a number; it comes out as a string). */
  resultCode: string;
  /** What AICC says about the outcome, e.g. `Send message to robot successfully`; absent when AICC sends none. */
  resultDesc?: string | undefined;
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of a {@link ResultOnlyResponse}. */
export const ResultOnlyResponseSchema: v.GenericSchema<unknown, ResultOnlyResponse> = /* @__PURE__ */ (() =>
  v.looseObject({ resultCode: ResultCodeSchema, resultDesc: ResultDescriptionSchema } satisfies EntriesOf<ResultOnlyResponse>))();

/** A string field of an AICC answer: absent or `null` when not set. */
export const OptionalStringSchema: v.GenericSchema<unknown, string | null | undefined> = /* @__PURE__ */ (() =>
  v.optional(v.nullable(v.string('must be a string'))))();

/**
 * A field of a message AICC returns as a string or a number, kept as it came (not `NaN`); absent or `null` when not
 * set. A `timestamp`/`receiveTime`: AICC's tables say string (ms since the epoch), its examples send a number.
 */
export const OptionalScalarSchema: v.GenericSchema<unknown, string | number | null | undefined> = /* @__PURE__ */ (() =>
  v.optional(
    v.nullable(
      v.custom<string | number>(
        (value) => typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)),
        'must be a string or a number',
      ),
    ),
  ))();

/**
 * The `content` of a message AICC returns: a string or an array of strings; `''` when absent, `null` kept as sent.
 */
export const MessageContentSchema: v.GenericSchema<unknown, string | string[] | null> = /* @__PURE__ */ (() =>
  v.optional(
    v.nullable(
      v.custom<string | string[]>(
        (value) => typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')),
        'must be a string or an array of strings',
      ),
    ),
    '',
  ))();

/**
 * A string field with documented values `TValue` that must not reject undocumented ones: any string is accepted,
 * typed as `TValue | (string & {})` so the documented values complete in the editor.
 */
export function openPicklist<TValue extends string>(): v.GenericSchema<unknown, TValue | (string & {})> {
  return v.string('must be a string');
}

/** An {@link openPicklist} of a message AICC returns: absent or `null` when not set. */
export function optionalPicklist<TValue extends string>(): v.GenericSchema<unknown, TValue | (string & {}) | null | undefined> {
  return v.optional(v.nullable(openPicklist<TValue>()));
}

/** An optional boolean that may arrive as `"true"`/`"false"`; absent or `null` reads as `false`. */
export const LenientBooleanSchema: v.GenericSchema<unknown, boolean> = /* @__PURE__ */ (() =>
  v.optional(
    v.pipe(
      v.nullable(
        v.custom<boolean | 'true' | 'false'>(
          (value) => typeof value === 'boolean' || value === 'true' || value === 'false',
          'must be a boolean',
        ),
      ),
      v.transform((value) => value === true || value === 'true'),
    ),
    false,
  ))();

/** A list AICC may omit or send as `null`: output as an array, empty in those cases. */
export function optionalList<TItem>(item: v.GenericSchema<unknown, TItem>, message: string): v.GenericSchema<unknown, TItem[]> {
  return v.optional(
    v.pipe(
      v.nullable(v.array(item, message)),
      v.transform((list) => list ?? []),
    ),
    () => [],
  );
}
