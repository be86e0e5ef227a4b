import { checkServiceAndCommand } from '../endpoint/build-request-url.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { checkOptionsObject, checkRetryOption, checkTimeout, isPlainObject } from './option-checks.js';
import type { RetryOptions } from './retry-policy.js';

/** Options of one `client.call`. */
export interface TencentCallOptions {
  /** Aborts the call: waiting, sending, reading or backing off; it then rejects with `RequestAbortedError`. */
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt deadline for this call in ms, instead of the client's `timeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy for this call: `false` sends it once; an object overrides fields of the client's policy. */
  readonly retry?: RetryOptions | false | undefined;
}

/**
 * Validates the arguments of `client.call` and serialises the body (`{}` when there is none).
 *
 * @returns the JSON text of the body.
 * @throws {@link ValidationError} listing every issue; nothing has been sent.
 */
export function validateCallArguments(service: unknown, command: unknown, body: unknown, options: unknown): string {
  const issues: ValidationIssue[] = [];
  checkServiceAndCommand(service, command, issues);
  let json = '{}';
  if (body !== undefined) {
    let text: unknown;
    try {
      // A toJSON method may turn an object into something else; only a JSON object is a Tencent body.
      text = isPlainObject(body) ? JSON.stringify(body) : undefined;
    } catch {
      text = null; // a cycle, a BigInt, a throwing toJSON
    }
    if (typeof text === 'string' && text.startsWith('{')) json = text;
    else issues.push({ path: 'body', message: text === null ? 'cannot be serialised as JSON' : 'must be a JSON object' });
  }
  const record = checkOptionsObject(options, 'options', ['signal', 'timeoutMs', 'retry'], false, issues);
  if (record !== undefined) {
    const signal = record['signal'];
    if (
      signal !== undefined &&
      !(
        typeof signal === 'object' &&
        signal !== null &&
        'aborted' in signal &&
        typeof (signal as AbortSignal).addEventListener === 'function'
      )
    ) {
      issues.push({ path: 'options.signal', message: 'must be an AbortSignal' });
    }
    checkTimeout(record['timeoutMs'], 'options.timeoutMs', issues);
    checkRetryOption(record['retry'], 'options.retry', issues);
  }
  if (issues.length > 0) throw new ValidationError('Tencent call', issues);
  return json;
}
