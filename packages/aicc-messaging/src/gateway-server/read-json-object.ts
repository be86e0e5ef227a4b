/** The outcome of {@link readJsonObject}. */
export type JsonObjectBody =
  | { readonly ok: true; readonly value: Record<string, unknown> | undefined }
  | { readonly ok: false; readonly message: string };

/** Parses a request body's text as a JSON object; an empty body is `undefined`. */
export function readJsonObject(text: string): JsonObjectBody {
  if (text === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The body must be UTF-8 JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'The body must be a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}
