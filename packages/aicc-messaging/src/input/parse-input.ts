import { ValidationError } from '@tokenwire/core';
import * as v from 'valibot';
import { VALUE_FREE_PARSE_CONFIG } from './issue-text.js';

/**
 * Parses an input with its schema, like core's `parseInput`, but words the issues of steps without a message of
 * their own without quoting the value ({@link VALUE_FREE_PARSE_CONFIG}).
 *
 * @throws {@link ValidationError} listing every issue (path and message; values are never quoted).
 * @internal
 */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, subject: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, VALUE_FREE_PARSE_CONFIG);
  if (result.success) return result.output;
  throw new ValidationError(
    subject,
    result.issues.map((issue) => ({ path: issue.path?.map((item) => String(item.key)).join('.') ?? '', message: issue.message })),
  );
}

/**
 * The `message` function of the package's strict object schemas (such as {@link AiccUserSchema}): it words an
 * object schema's own issues: an unknown key, a missing required key, or an input that is not an object at all.
 */
export type ObjectMessage = (issue: v.StrictObjectIssue | v.ObjectIssue) => string;

/**
 * The message of a strict object schema's own issues: an unknown key, a missing required key, or an input that
 * is not an object at all.
 *
 * @internal
 */
export function objectMessage(what: string): ObjectMessage {
  return (issue) => {
    if (issue.expected === 'never') return 'is not a known option';
    if (issue.path !== undefined && issue.path.length > 0) return 'is required';
    return `must be ${what}`;
  };
}
