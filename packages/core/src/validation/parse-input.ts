import * as v from 'valibot';
import { ValidationError } from '../errors/validation-error.js';
import { issuePath, VALUE_FREE_PARSE_CONFIG } from './value-free-issues.js';

/**
 * Validates `input` against a valibot schema before anything is sent, and returns the parsed output. Every
 * issue is reported in one {@link ValidationError}, by dotted field path and message; the offending values are
 * never repeated (inputs may carry tokens or secrets): steps without a message of their own are worded by
 * {@link VALUE_FREE_PARSE_CONFIG}.
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
  const result = v.safeParse(schema, input, VALUE_FREE_PARSE_CONFIG);
  if (result.success) return result.output;
  throw new ValidationError(
    subject,
    result.issues.map((issue) => ({ path: issuePath(issue), message: issue.message })),
  );
}
