const DECIMAL_PATTERN = /^(?:0|[1-9][0-9]*)$/;

/**
 * Reads a callback `RequestTime` (Unix seconds) strictly: a safe non-negative integer number, or its plain
 * decimal text (`0` or digits without a leading zero, sign, space, fraction or exponent). Returns `undefined`
 * for anything else, including decimal text beyond `Number.MAX_SAFE_INTEGER`, so callers choose their own
 * error. Strictness matters because the signature covers the exact text Tencent sent.
 *
 * @example
 * ```ts
 * parseRequestTime('1669872112'); // 1669872112
 * parseRequestTime('01669872112'); // undefined
 * parseRequestTime(1.5);           // undefined
 * ```
 */
export function parseRequestTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.length > 16 || !DECIMAL_PATTERN.test(value)) return undefined;
  const seconds = Number(value);
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}
