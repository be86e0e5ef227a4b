import { assertServiceAndCommand } from '../endpoint/build-request-url.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { checkRetryOption, isValidTimeout } from './client-options.js';
import type { RetryOptions } from './retry-policy.js';
import { MAX_TIMER_DELAY_MS } from './sleep.js';

/** Options of one `client.call`. */
export interface TencentCallOptions {
  /** Aborts the call: waiting, sending, reading or backing off; it then rejects with `RequestAbortedError`. */
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt deadline for this call in ms, instead of the client's `timeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy for this call: `false` sends it once; an object overrides fields of the client's policy. */
  readonly retry?: RetryOptions | false | undefined;
}

const CALL_KEYS = new Set(['signal', 'timeoutMs', 'retry']);

/**
 * Validates the arguments of `client.call` and serialises the body (`{}` when there is none).
 *
 * @returns the JSON text of the body.
 * @throws {@link ValidationError} listing every issue; nothing has been sent.
 */
export function validateCallArguments(service: unknown, command: unknown, body: unknown, options: unknown): string {
  const issues: ValidationIssue[] = [];
  try {
    assertServiceAndCommand(service as string, command as string);
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    issues.push(...error.issues);
  }
  let json = '{}';
  if (body !== undefined) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      issues.push({ path: 'body', message: 'must be a JSON object (or omitted for {})' });
    } else {
      try {
        const text: unknown = JSON.stringify(body);
        if (typeof text === 'string' && text.startsWith('{')) json = text;
        else issues.push({ path: 'body', message: 'must serialise to a JSON object' });
      } catch (error) {
        issues.push({ path: 'body', message: `cannot be serialised as JSON (${error instanceof Error ? error.name : 'error'})` });
      }
    }
  }
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      issues.push({ path: 'options', message: 'must be an object' });
    } else {
      const record = options as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!CALL_KEYS.has(key)) issues.push({ path: `options.${key}`, message: 'is not a known option' });
      }
      const signal = record['signal'];
      if (signal !== undefined && !(typeof signal === 'object' && signal !== null && 'aborted' in signal && typeof (signal as AbortSignal).addEventListener === 'function')) {
        issues.push({ path: 'options.signal', message: 'must be an AbortSignal' });
      }
      const timeoutMs = record['timeoutMs'];
      if (timeoutMs !== undefined && !isValidTimeout(timeoutMs)) {
        issues.push({ path: 'options.timeoutMs', message: `must be a positive number of milliseconds up to ${MAX_TIMER_DELAY_MS}` });
      }
      checkRetryOption(record['retry'], 'options.retry', issues);
    }
  }
  if (issues.length > 0) throw new ValidationError('Tencent call', issues);
  return json;
}
