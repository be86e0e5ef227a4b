import { ValidationError } from '@tokenwire/core';
import * as v from 'valibot';

/**
 * Validates the input of a command before anything is sent. Every schema this package passes here carries its
 * own messages, so no issue message repeats a received value (a callback token must never reach an error).
 *
 * @param subject - what the input is, for the message: "Invalid {subject}: …".
 * @throws ValidationError listing every issue with its dotted path.
 * @internal
 */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, subject: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new ValidationError(
    subject,
    result.issues.map((issue) => ({ path: issue.path?.map((item) => item.key).join('.') ?? '', message: issue.message })),
  );
}

/**
 * The message of a strict object schema's own issues: an unknown field, a missing required field, or an input
 * that is not an object at all. `fields` lists the known fields for the unknown-field message.
 *
 * @internal
 */
export function objectMessage(fields: string): (issue: v.StrictObjectIssue) => string {
  return (issue) => {
    if (issue.expected === 'never') return `is not a known field (expected ${fields})`;
    if (issue.path !== undefined && issue.path.length > 0) return 'is required';
    return `must be an object with ${fields}`;
  };
}
