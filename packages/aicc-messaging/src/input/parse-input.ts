import type * as v from 'valibot';

export { parseInput } from '@tokenwire/core/internal';

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
