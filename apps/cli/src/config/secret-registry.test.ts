import { describe, expect, it } from 'vitest';
import { SecretRegistry, showSecret } from './secret-registry.js';

describe('SecretRegistry', () => {
  it('redacts a secret in plain, JSON-escaped and URL-encoded form', () => {
    const registry = new SecretRegistry();
    const secret = registry.add('to"ken\\with/odd&chars');
    const text = `plain ${secret} json ${JSON.stringify({ token: secret })} url ?t=${encodeURIComponent(secret)}`;
    const redacted = registry.redact(text);
    expect(redacted).toBe('plain *** json {"token":"***"} url ?t=***');
  });

  it('ignores undefined and empty values, and leaves other text alone', () => {
    const registry = new SecretRegistry();
    expect(registry.add(undefined)).toBeUndefined();
    expect(registry.add('')).toBe('');
    expect(registry.redact('nothing to hide')).toBe('nothing to hide');
    expect(registry.has('')).toBe(false);
  });

  it('redacts overlapping secrets completely', () => {
    const registry = new SecretRegistry();
    registry.add('abcdef123456');
    registry.add('123456ghijkl');
    expect(registry.redact('x abcdef123456ghijkl y')).toBe('x *** y');
  });
});

describe('showSecret', () => {
  it('is *** unless revealed', () => {
    expect(showSecret('value', false)).toBe('***');
    expect(showSecret('value', true)).toBe('value');
    expect(showSecret(undefined, false)).toBeUndefined();
  });
});
