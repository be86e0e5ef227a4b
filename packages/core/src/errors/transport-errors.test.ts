import { describe, expect, it } from 'vitest';
import { TokenwireError } from './tokenwire-error.js';
import {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
} from './transport-errors.js';

const context = { service: 'live_config', command: 'set_callback', random: 7, attempt: 2, requestId: 'Id-1', status: 200 };

describe('transport errors', () => {
  it.each([
    ['NetworkError', () => new NetworkError('down', context)],
    ['TimeoutError', () => new TimeoutError('slow', 3000, context)],
    ['MalformedResponseError', () => new MalformedResponseError('bad body', context)],
  ])('%s is retryable by default and keeps the context', (name, make) => {
    const error = make();
    expect(error.name).toBe(name);
    expect(error.retryable).toBe(true);
    expect(error.context).toEqual({ ...context, path: undefined });
    expect(TokenwireError.isInstance(error)).toBe(true);
  });

  it.each([
    ['NetworkError', (retryable?: boolean) => new NetworkError('down', { retryable })],
    ['TimeoutError', (retryable?: boolean) => new TimeoutError('slow', 1, { retryable })],
    ['MalformedResponseError', (retryable?: boolean) => new MalformedResponseError('bad', { retryable })],
  ])('%s honours an explicit retryable and treats undefined as the default', (_name, make) => {
    expect(make(false).retryable).toBe(false);
    expect(make(true).retryable).toBe(true);
    expect(make(undefined).retryable).toBe(true);
  });

  it('TimeoutError records the elapsed timeout', () => {
    expect(new TimeoutError('slow', 3500).timeoutMs).toBe(3500);
  });

  it.each([
    [500, true],
    [502, true],
    [504, true],
    [599, true],
    [400, false],
    [401, false],
    [404, false],
    [499, false],
  ])('HttpStatusError for status %i is retryable: %s', (status, retryable) => {
    const error = new HttpStatusError(`HTTP ${status}`, { status });
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
  });

  it('HttpStatusError honours an explicit retryable (e.g. 429) and treats undefined as the default', () => {
    expect(new HttpStatusError('busy', { status: 429, retryable: true }).retryable).toBe(true);
    expect(new HttpStatusError('down', { status: 503, retryable: false }).retryable).toBe(false);
    expect(new HttpStatusError('down', { status: 503, retryable: undefined }).retryable).toBe(true);
  });

  it('RequestAbortedError is never retryable and carries the abort reason as cause', () => {
    const reason = new DOMException('stop', 'AbortError');
    const error = new RequestAbortedError('aborted', { retryable: true, cause: reason, ...context });
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe(reason);
    expect(error.command).toBe('set_callback');
  });

  it('NetworkError keeps the underlying cause', () => {
    const cause = new TypeError('fetch failed');
    expect(new NetworkError('down', { cause }).cause).toBe(cause);
  });

  it('ResponseTooLargeError records the limit, is never retryable and is branded', () => {
    const error = new ResponseTooLargeError('too big', 2048, { ...context, retryable: true } as never);
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', maxBytes: 2048, retryable: false, status: 200 });
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(MalformedResponseError.isInstance(error)).toBe(false);
    expect(TokenwireError.isInstance(error)).toBe(true);
  });
});
