import type * as v from 'valibot';

/**
 * Words an issue whose schema step has no message of its own, without the value that failed (valibot's default
 * message quotes it: `… but received "soon"`). What was expected comes from the schema, never from the input.
 */
function valueFreeMessage(issue: v.BaseIssue<unknown>): string {
  return issue.expected === null ? `is not a valid ${issue.type}` : `must match ${issue.expected} (${issue.type})`;
}

/**
 * The parse configuration of every input and answer this package parses: issues of steps without a message of
 * their own get {@link valueFreeMessage}, so no message ever quotes a value.
 *
 * @internal
 */
export const VALUE_FREE_PARSE_CONFIG: v.Config<v.BaseIssue<unknown>> = Object.freeze({ message: valueFreeMessage });

/**
 * One issue as `path: message` (just the message when it concerns the whole value). Values are never quoted.
 *
 * @internal
 */
export function issueText(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
