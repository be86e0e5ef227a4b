import * as v from 'valibot';

/** The outcome of reading a JSON request body. */
export type JsonBodyResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a request body that must be a JSON object. An empty body counts as `{}` only when `allowEmpty` is set
 * (AICC's `getsatisfactionsurveymode` takes an optional body).
 */
export async function readJsonBody(request: Request, allowEmpty = false): Promise<JsonBodyResult> {
  const text = await request.text();
  if (text.trim() === '') return allowEmpty ? { ok: true, value: {} } : { ok: false, reason: 'the request body is empty.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the request body is not valid JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'the request body must be a JSON object.' };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** One line naming each failed field of a valibot parse, e.g. `userId: must be 1–32 characters`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path === null ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}
