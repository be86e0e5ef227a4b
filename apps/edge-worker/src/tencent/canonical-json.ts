import { parseJsonExact, type JsonValue } from '@tokenwire/live-config';

function serialise(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${serialise(value[key]!)}`).join(',')}}`;
}

/**
 * The canonical form of a JSON text: parsed with `parseJsonExact` (integers beyond 2^53 stay exact) and written
 * again without whitespace, object keys sorted by UTF-16 code units, strings with `JSON.stringify`'s escaping. Two
 * texts that differ only in formatting, key order, escapes or the spelling of a number (`1.0`, `1e0`) have the same
 * canonical form. One known merge: an integer beyond 2^53 and the string of its digits (`144115216631667826` and
 * `"144115216631667826"`) canonicalise alike. Text that is not JSON is returned unchanged.
 *
 * @example
 * ```ts
 * canonicalJson('{ "b": 1, "a": [true, 144115216631667826] } '); // '{"a":[true,"144115216631667826"],"b":1}'
 * ```
 */
export function canonicalJson(text: string): string {
  const parsed = parseJsonExact(text);
  return parsed.ok ? serialise(parsed.value) : text;
}
