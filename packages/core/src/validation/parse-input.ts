import * as v from 'valibot';
import { ValidationError } from '../errors/validation-error.js';

/**
 * Validates `input` against a valibot schema before anything is sent, and returns the parsed output. Every
 * issue is reported in one {@link ValidationError}, by dotted field path and message; the offending values are
 * never repeated (inputs may carry tokens or secrets).
 *
 * @param schema - the valibot schema of the input.
 * @param input - what the caller passed.
 * @param subject - what the input is, for the message (`Invalid {subject}: …`).
 * @throws {@link ValidationError} listing every issue.
 * @example
 * ```ts
 * const settings = parseInput(v.object({ token: v.string() }), input, 'callback token settings');
 * ```
 */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, subject: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new ValidationError(
    subject,
    result.issues.map((issue) => ({ path: issue.path?.map((item) => String(item.key)).join('.') ?? '', message: issue.message })),
  );
}
