import { ValidationError } from '@tokenwire/core';
import * as v from 'valibot';

/**
 * Validates an input before anything is sent. Every schema of this package carries its own messages, none of
 * which repeats the received value, so a secret (an `appSecret`, a token) never reaches an error.
 *
 * @param subject - what the input is, for the message: "Invalid {subject}: …".
 * @throws {@link ValidationError} listing every issue with its dotted path.
 * @internal
 */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, subject: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new ValidationError(
    subject,
    result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message })),
  );
}

/**
 * The message of a strict object schema's own issues: an unknown key, a missing required key, or an input that
 * is not an object at all.
 *
 * @internal
 */
export function objectMessage(what: string): (issue: v.StrictObjectIssue | v.ObjectIssue) => string {
  return (issue) => {
    if (issue.expected === 'never') return 'is not a known option';
    if (issue.path !== undefined && issue.path.length > 0) return 'is required';
    return `must be ${what}`;
  };
}
