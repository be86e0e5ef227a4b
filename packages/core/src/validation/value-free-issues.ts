import type * as v from 'valibot';

/**
 * Words an issue whose schema step has no message of its own, without the value that failed (valibot's default
 * message quotes it: `… but received "soon"`). What was expected comes from the schema, never from the input.
 */
function valueFreeMessage(issue: v.BaseIssue<unknown>): string {
  return issue.expected === null ? `is not a valid ${issue.type}` : `must match ${issue.expected} (${issue.type})`;
}

/**
 * The valibot parse configuration for anything tokenwire validates: issues of steps without a message of their
 * own are worded by what was expected, so no message ever quotes a value (inputs and answers may carry tokens).
 * Pass it as the third argument of `v.safeParse` / `v.parse`.
 *
 * @example
 * ```ts
 * const result = v.safeParse(schema, input, VALUE_FREE_PARSE_CONFIG);
 * ```
 */
export const VALUE_FREE_PARSE_CONFIG: v.Config<v.BaseIssue<unknown>> = /* @__PURE__ */ (() =>
  Object.freeze({ message: valueFreeMessage }))();

/** The dotted path of an issue (`a.b.0`), or `''` when it concerns the whole value. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((item) => String(item.key)).join('.') ?? '';
}

/** One issue as `path: message` (just the message when it concerns the whole value). Values are never quoted. */
export function issueText(issue: v.BaseIssue<unknown>): string {
  const path = issuePath(issue);
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
