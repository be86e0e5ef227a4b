import type * as v from 'valibot';

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
