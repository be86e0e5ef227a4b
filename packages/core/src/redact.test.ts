import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, SECRET_HEADER_NAMES, redactHeaders, redactSecrets, redactUrl } from './redact.js';

describe('redactUrl', () => {
  it('hides usersig and keeps everything else in place', () => {
    expect(
      redactUrl(
        'https://console.tim.qq.com/v4/live_config/get_callback?sdkappid=1&identifier=admin&usersig=eJy*abc-_&random=9&contenttype=json',
      ),
    ).toBe('https://console.tim.qq.com/v4/live_config/get_callback?sdkappid=1&identifier=admin&usersig=***&random=9&contenttype=json');
  });

  it.each([
    'usersig',
    'UserSig',
    'Sign',
    'sign',
    'token',
    'Token',
    'app_secret',
    'secretKey',
    'secret_key',
    'access_token',
    'ACCESS_TOKEN',
    '%75sersig',
    'Us%65rSig',
  ])('hides the value of %s, matching case-insensitively and after decoding', (key) => {
    expect(redactUrl(`https://example.com/cb?a=1&${key}=s3cr3t-value&b=2`)).toBe(`https://example.com/cb?a=1&${key}=***&b=2`);
  });

  it('hides the callback Sign but keeps RequestTime', () => {
    expect(
      redactUrl('https://example.com/cb?SdkAppid=1&CallbackCommand=Live.CallbackAfterCreateRoom&Sign=17773bc3&RequestTime=1669872112'),
    ).toBe('https://example.com/cb?SdkAppid=1&CallbackCommand=Live.CallbackAfterCreateRoom&Sign=***&RequestTime=1669872112');
  });

  it('hides every repeated secret parameter and keeps the fragment', () => {
    expect(redactUrl('/path?usersig=a&usersig=b#frag')).toBe('/path?usersig=***&usersig=***#frag');
  });

  it('leaves URLs without a query, and parameters without a value, alone', () => {
    expect(redactUrl('https://console.tim.qq.com/v4')).toBe('https://console.tim.qq.com/v4');
    expect(redactUrl('https://x.test/?usersig&a=1')).toBe('https://x.test/?usersig&a=1');
  });

  it('redacts a parameter whose key cannot be decoded', () => {
    expect(redactUrl('https://x.test/?%E0%A4%A=secret&a=1')).toBe('https://x.test/?%E0%A4%A=***&a=1');
  });

  it('accepts URL objects', () => {
    expect(redactUrl(new URL('https://x.test/a?usersig=abc'))).toBe('https://x.test/a?usersig=***');
  });

  it('never lets a secret value through for any URL built with URLSearchParams', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('usersig', 'Sign', 'token', 'app_secret', 'access_token'),
        fc.string({ minLength: 6, maxLength: 30 }).map((text) => `S${text}Z`),
        fc.dictionary(fc.constantFrom('a', 'b', 'random', 'identifier'), fc.string({ maxLength: 8 })),
        (key, secret, others) => {
          const url = new URL('https://console.tim.qq.com/v4/svc/cmd');
          for (const [name, value] of Object.entries(others)) url.searchParams.append(name, value);
          url.searchParams.append(key, secret);
          const redacted = redactUrl(url);
          expect(redacted).not.toContain(url.searchParams.toString().split(`${key}=`)[1]);
          expect(new URL(redacted).searchParams.get(key)).toBe(REDACTED);
        },
      ),
    );
  });
});

describe('redactHeaders', () => {
  it('redacts secret headers from a Headers object and keeps the others', () => {
    const headers = new Headers({
      Authorization: 'Bearer abc',
      'ccmessaging-token': 't',
      'x-app-key': 'k',
      Cookie: 'c=1',
      'Content-Type': 'application/json',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: '***',
      'ccmessaging-token': '***',
      cookie: '***',
      'x-app-key': 'k',
      'content-type': 'application/json',
    });
  });

  it('matches plain-object header names case-insensitively and keeps their spelling', () => {
    expect(redactHeaders({ AUTHORIZATION: 'Bearer x', 'Set-Cookie': 'id=1', Accept: '*/*' })).toEqual({
      AUTHORIZATION: '***',
      'Set-Cookie': '***',
      Accept: '*/*',
    });
  });

  it('does not modify its input', () => {
    const input = { authorization: 'Bearer x' };
    redactHeaders(input);
    expect(input.authorization).toBe('Bearer x');
  });

  it('lists the secret header names in lower case', () => {
    for (const name of SECRET_HEADER_NAMES) expect(name).toBe(name.toLowerCase());
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactSecrets('key abcd1234 and again abcd1234; user sig eJyXYZ', ['abcd1234', 'eJyXYZ'])).toBe(
      'key *** and again ***; user sig ***',
    );
  });

  it('ignores undefined and secrets shorter than 4 characters', () => {
    expect(redactSecrets('a b abc', [undefined, 'a', 'abc'])).toBe('a b abc');
  });

  it('leaves text without secrets untouched', () => {
    expect(redactSecrets('nothing here', ['secret-value'])).toBe('nothing here');
  });

  it('hides a secret that contains another secret, whatever the order', () => {
    expect(redactSecrets('key=abcdefgh', ['abcd', 'abcdefgh'])).toBe('key=***');
    expect(redactSecrets('key=abcdefgh', ['abcdefgh', 'abcd'])).toBe('key=***');
  });

  it('hides overlapping secrets completely', () => {
    expect(redactSecrets('x abcdefgh y', ['abcdef', 'defgh'])).toBe('x *** y');
  });

  it('never leaves a character of a secret occurrence in clear', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 4, maxLength: 10 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.nat({ max: 2 })), { maxLength: 8 }),
        (secrets, parts) => {
          const text = parts.map((part) => (typeof part === 'number' ? (secrets[part % secrets.length] ?? '') : part)).join('');
          const redacted = redactSecrets(text, secrets);
          for (const secret of secrets) {
            // A secret made of '*' could be re-formed by the marker itself; that is not a leak.
            if (!secret.includes('*')) expect(redacted.includes(secret)).toBe(false);
          }
        },
      ),
    );
  });
});
