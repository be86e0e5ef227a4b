import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { REGIONS, type Region } from './regions.js';
import { resolveBaseUrl } from './resolve-base-url.js';

function rejection(input: unknown): ValidationError {
  try {
    resolveBaseUrl(input as string);
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return error as ValidationError;
  }
  throw new Error(`expected ${String(input)} to be rejected`);
}

describe('resolveBaseUrl', () => {
  it.each(Object.keys(REGIONS) as Region[])('resolves region %s to its https domain, and to its backup on request', (region) => {
    expect(resolveBaseUrl(region)).toBe(`https://${REGIONS[region].domain}`);
    expect(resolveBaseUrl(region, { backup: false })).toBe(`https://${REGIONS[region].domain}`);
    expect(resolveBaseUrl(region, { backup: true })).toBe(`https://${REGIONS[region].backupDomain}`);
  });

  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['https://console.tim.qq.com', 'https://console.tim.qq.com'],
    ['https://proxy.example.com/tencent', 'https://proxy.example.com/tencent'],
    ['https://proxy.example.com/tencent/', 'https://proxy.example.com/tencent'],
    ['https://proxy.example.com/a/b///', 'https://proxy.example.com/a/b'],
    ['HTTPS://PROXY.Example.COM:443/Prefix', 'https://proxy.example.com/Prefix'],
    ['https://proxy.example.com:8443/x', 'https://proxy.example.com:8443/x'],
    ['http://[::1]:9000/', 'http://[::1]:9000'],
  ])('keeps custom URL %s as %s', (input, expected) => {
    expect(resolveBaseUrl(input)).toBe(expected);
  });

  it('ignores backup for custom URLs', () => {
    expect(resolveBaseUrl('https://proxy.example.com/x', { backup: true })).toBe('https://proxy.example.com/x');
  });

  it.each([
    ['an empty string', ''],
    ['an unknown region', 'mars'],
    ['a region in the wrong case', 'Singapore'],
    ['an inherited property name', 'toString'],
    ['a bare host', 'console.tim.qq.com'],
    ['a relative path', '/v4'],
    ['ftp', 'ftp://example.com'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a file URL', 'file:///etc/passwd'],
    ['a data URL', 'data:text/plain,hi'],
    ['a query', 'https://example.com/?a=1'],
    ['a fragment', 'https://example.com/#x'],
    ['credentials', 'https://user:pass@example.com'],
    ['a user name only', 'https://user@example.com'],
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
  ])('rejects %s with a ValidationError', (_label, input) => {
    const error = rejection(input);
    expect(error.issues[0]?.path).toBe('regionOrUrl');
    expect(error.retryable).toBe(false);
  });

  it('never echoes credentials into the message', () => {
    expect(rejection('https://admin:hunter22@example.com').message).not.toContain('hunter22');
  });
});
