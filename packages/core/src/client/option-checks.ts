import type { ValidationIssue } from '../errors/validation-error.js';
import { MAX_TIMER_DELAY_MS } from '../engine/sleep.js';

// The checks shared by the client's options (client-options.ts) and the options of one call (call-options.ts).
// Each appends its findings to `issues`, so a caller can report every problem at once. No message repeats a
// received value: some options are secrets.

/** The fields of `RetryOptions` that are delays in milliseconds. */
const RETRY_DELAY_KEYS = ['baseDelayMs', 'maxDelayMs', 'rateLimitBaseDelayMs', 'rateLimitMaxDelayMs'];

/** True for an object that is neither `null` nor an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `value` is, for a message: `null`, `an array` or its `typeof`. Never the value itself. */
export function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** True for a number in `[min, max]` (so never `NaN`), and an integer when `integer` is set. */
export function isNumberIn(value: unknown, min: number, max: number, integer?: boolean): value is number {
  return typeof value === 'number' && value >= min && value <= max && (!integer || Number.isInteger(value));
}

/** True for a finite number in `(0, MAX_TIMER_DELAY_MS]`. */
export function isValidTimeout(value: unknown): value is number {
  return isNumberIn(value, Number.MIN_VALUE, MAX_TIMER_DELAY_MS);
}

/** Reports `value` unless it is `undefined` or a valid timeout (see {@link isValidTimeout}). */
export function checkTimeout(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (value !== undefined && !isValidTimeout(value)) {
    issues.push({ path, message: `must be a positive number of milliseconds up to ${MAX_TIMER_DELAY_MS}` });
  }
}

/** Reports `value` unless it is `undefined` or a function. */
export function checkFunction(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (value !== undefined && typeof value !== 'function') issues.push({ path, message: `must be a function, got ${describeType(value)}` });
}

/**
 * Checks an optional nested options object (`retry`, `rateLimit`, `hooks`, a call's options): reports it when it
 * is not an object (nor `false`, where `false` is allowed) and reports each key outside `known`.
 *
 * @returns the object, for the caller to check its fields; `undefined` when absent, `false` or invalid.
 */
export function checkOptionsObject(
  value: unknown,
  path: string,
  known: readonly string[],
  allowFalse: boolean,
  issues: ValidationIssue[],
): Record<string, unknown> | undefined {
  if (value === undefined || (allowFalse && value === false)) return undefined;
  if (!isPlainObject(value)) {
    issues.push({ path, message: `must be ${allowFalse ? 'false or ' : ''}an object, got ${describeType(value)}` });
    return undefined;
  }
  const prefix = path ? `${path}.` : '';
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) issues.push({ path: prefix + key, message: 'is not a known option' });
  }
  return value;
}

/** Appends the issues of a `retry` option (`false`, `undefined` or a `RetryOptions` object). */
export function checkRetryOption(value: unknown, path: string, issues: ValidationIssue[]): void {
  const retry = checkOptionsObject(value, path, ['limit', ...RETRY_DELAY_KEYS], true, issues);
  if (retry === undefined) return;
  const limit = retry['limit'];
  if (limit !== undefined && !isNumberIn(limit, 0, 100, true))
    issues.push({ path: `${path}.limit`, message: 'must be an integer from 0 to 100' });
  for (const key of RETRY_DELAY_KEYS) {
    const delay = retry[key];
    if (delay !== undefined && !isNumberIn(delay, 0, MAX_TIMER_DELAY_MS)) {
      issues.push({ path: `${path}.${key}`, message: `must be a number of milliseconds from 0 to ${MAX_TIMER_DELAY_MS}` });
    }
  }
}
