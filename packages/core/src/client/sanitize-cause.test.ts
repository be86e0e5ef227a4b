import { describe, expect, it } from 'vitest';
import { sanitizeCause } from './sanitize-cause.js';

const USER_SIG = 'eJwtzM0KgkAUhuG9Sc';

describe('sanitizeCause', () => {
  it('keeps a cause that mentions no secret', () => {
    const cause = new TypeError('fetch failed');
    expect(sanitizeCause(cause, [USER_SIG, undefined])).toBe(cause);
  });

  it('replaces an error whose message carries the URL with a redacted description', () => {
    const cause = new TypeError(`error sending request for url (https://x.test/v4/a/b?usersig=${USER_SIG}&random=1)`);
    const safe = sanitizeCause(cause, [USER_SIG]);
    expect(safe).toBe('TypeError: error sending request for url (https://x.test/v4/a/b?usersig=***&random=1)');
  });

  it('looks into nested causes, own properties and plain values', () => {
    const nested = new TypeError('fetch failed', { cause: new Error(`connect to ${USER_SIG}`) });
    expect(sanitizeCause(nested, [USER_SIG])).toBe('TypeError: fetch failed');
    const withPath = Object.assign(new Error('Unable to connect'), { path: `/v4/a/b?usersig=${USER_SIG}` });
    expect(sanitizeCause(withPath, [USER_SIG])).toBe('Error: Unable to connect');
    expect(sanitizeCause(`boom ${USER_SIG}`, [USER_SIG])).toBe('boom ***');
  });

  it('ignores secrets too short to matter', () => {
    const cause = new Error('abc');
    expect(sanitizeCause(cause, ['abc'])).toBe(cause);
  });
});
