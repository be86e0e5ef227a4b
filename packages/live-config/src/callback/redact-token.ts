import { REDACTED, redactSecrets } from '@tokenwire/core';

/**
 * Returns `value` with every occurrence of `token` replaced by `***`: a string is redacted; an error is returned
 * unchanged when none of its own fields (`message`, `info`, `stack`, …) nor its causes contains the token, else as
 * a copy with the same prototype, brand and context whose texts are redacted. For errors that may echo a request
 * body holding a callback token, e.g. Tencent's `ErrorInfo`.
 *
 * A token shorter than 4 characters appears in almost any text by chance and cannot be cut out legibly, so a text
 * containing one is withheld as a whole (`***`): nothing leaks, only that text is lost.
 *
 * @internal
 */
export function redactToken(value: unknown, token: string | undefined, depth = 0): unknown {
  if (!token) return value;
  if (typeof value === 'string') {
    // A short token cannot be told from ordinary text: a text that contains it is withheld whole.
    if (token.length < 4) return value.includes(token) ? REDACTED : value;
    // Also its URL-encoded and hex copies (core's redactSecrets): an answer may echo the token encoded.
    return redactSecrets(value, [token]);
  }
  // Causes are followed 4 deep (a cause may point back at its error).
  if (depth > 4 || !(value instanceof Error)) return value;
  const descriptors: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(value);
  let changed = false;
  for (const key of Reflect.ownKeys(descriptors)) {
    // Read through the original: some engines make `stack` an own accessor.
    const current: unknown = (value as unknown as Record<PropertyKey, unknown>)[key];
    const redacted = redactToken(current, token, depth + 1);
    if (redacted !== current) {
      descriptors[key] = { value: redacted, writable: true, configurable: true, enumerable: descriptors[key]!.enumerable === true };
      changed = true;
    }
  }
  return changed ? Object.create(Object.getPrototypeOf(value) as object, descriptors) : value;
}
