import { describe, expect, it } from 'vitest';
import { TencentApiError } from './tencent-api-error.js';
import { TokenwireError } from './tokenwire-error.js';

describe('TencentApiError', () => {
  it('builds a support-friendly message from code, service/command, info and RequestId', () => {
    const error = new TencentApiError({
      code: 100301,
      info: 'callback config not exist',
      service: 'live_config',
      command: 'get_callback',
      requestId: 'Id-abc-O-Seq-1',
      random: 99,
      status: 200,
      attempt: 1,
    });
    expect(error.message).toBe('Tencent error 100301 (live_config/get_callback): callback config not exist [RequestId Id-abc-O-Seq-1]');
    expect(error.code).toBe(100301);
    expect(error.info).toBe('callback config not exist');
    expect(error.requestId).toBe('Id-abc-O-Seq-1');
    expect(error.random).toBe(99);
    expect(error.status).toBe(200);
    expect(error.attempt).toBe(1);
    expect(error.category).toBe('invalid_request');
    expect(error.retryClass).toBe('none');
    expect(error.retryable).toBe(false);
    expect(TokenwireError.isInstance(error)).toBe(true);
  });

  it('says so when ErrorInfo is empty, and still classifies the code', () => {
    const error = new TencentApiError({ code: 70001, info: '' });
    expect(error.message).toBe('Tencent error 70001: no ErrorInfo given');
    expect(error.category).toBe('auth');
  });

  it('omits service/command unless both are known', () => {
    expect(new TencentApiError({ code: 60008, info: 'x', service: 'live_config' }).message).toBe('Tencent error 60008: x');
  });

  it.each([
    [60008, 'server', 'transient', true],
    [70500, 'server', 'transient', true],
    [60007, 'rate_limit', 'rate_limit', true],
    [70050, 'rate_limit', 'cooldown', true],
    [60002, 'invalid_request', 'none', false],
    [60020, 'fatal', 'none', false],
    [60010, 'config', 'none', false],
    [123456, 'unknown', 'none', false],
  ])('code %i: category %s, retryClass %s, retryable %s', (code, category, retryClass, retryable) => {
    const error = new TencentApiError({ code, info: 'x' });
    expect(error.category).toBe(category);
    expect(error.retryClass).toBe(retryClass);
    expect(error.retryable).toBe(retryable);
  });

  it('tells the caller to wait one minute after 70050', () => {
    const error = new TencentApiError({ code: 70050, info: 'too many failures', requestId: 'Id-1' });
    expect(error.message).toBe(
      'Tencent error 70050: too many failures (wait one minute before calling again; the client does not retry this code) [RequestId Id-1]',
    );
  });

  it('cannot be talked into retrying by an extra retryable field', () => {
    const error = new TencentApiError({ code: 100002, info: 'bad', retryable: true } as never);
    expect(error.retryable).toBe(false);
  });
});
