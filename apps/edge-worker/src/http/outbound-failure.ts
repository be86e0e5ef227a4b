import { HttpStatusError, MalformedResponseError, NetworkError, ResponseTooLargeError, TimeoutError } from '@tokenwire/core';

/**
 * A short, secret-free description of why an outbound call failed, for log lines and FAIL answers: `timeout`,
 * `network error`, `HTTP 503`, `redirect refused`, `the answer is not JSON`, `the answer is too large`. Never the
 * error's message (it names the call, and a cause may quote a URL).
 */
export function describeOutboundFailure(error: unknown): string {
  if (TimeoutError.isInstance(error)) return 'timeout';
  if (NetworkError.isInstance(error)) return 'network error';
  if (HttpStatusError.isInstance(error)) {
    const status = error.status ?? 0;
    return status >= 300 && status < 400 ? `HTTP ${status}, redirect refused` : `HTTP ${status}`;
  }
  if (MalformedResponseError.isInstance(error)) return 'the answer is not JSON';
  if (ResponseTooLargeError.isInstance(error)) return 'the answer is too large';
  return error instanceof Error ? error.name : 'unknown failure';
}
