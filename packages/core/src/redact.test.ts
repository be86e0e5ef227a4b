import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactHeaders, redactSecrets, redactUrl, SECRET_HEADER_NAMES, secretFieldValues } from './redact.js';

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

  it('hides URL-encoded copies, with upper- or lower-case escapes, and hex copies of the UTF-8 bytes in either case', () => {
    const token = 'tok/en+sé=42';
    const hex = Buffer.from(token).toString('hex');
    expect(encodeURIComponent(token)).toBe('tok%2Fen%2Bs%C3%A9%3D42');
    const text = `a ${encodeURIComponent(token)} b tok%2fen%2bs%c3%a9%3d42 c ${hex} d ${hex.toUpperCase()} e ${token} f`;
    expect(redactSecrets(text, [token])).toBe('a *** b *** c *** d *** e *** f');
  });

  it('ignores the encoded copies of secrets shorter than 4 characters and survives lone surrogates', () => {
    expect(redactSecrets('a%2Fb 612f62', ['a/b'])).toBe('a%2Fb 612f62');
    expect(redactSecrets('x\uD800yz and 78eda0807a', ['x\uD800yz'])).toBe('*** and 78eda0807a');
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

  it('never leaves an encoded copy of a secret in clear', () => {
    const encodings = [
      (secret: string) => encodeURIComponent(secret),
      (secret: string) => Buffer.from(secret).toString('hex'),
      (secret: string) => Buffer.from(secret).toString('hex').toUpperCase(),
    ];
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 4, maxLength: 12 }),
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.nat({ max: encodings.length - 1 })), { maxLength: 6 }),
        (secret, parts) => {
          const text = parts.map((part) => (typeof part === 'number' ? encodings[part]!(secret) : part)).join('');
          const redacted = redactSecrets(text, [secret]);
          for (const encode of encodings) {
            const copy = encode(secret);
            if (!copy.includes('*')) expect(redacted.includes(copy)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('secretFieldValues', () => {
  it('returns the string values of fields named like secrets, in any case', () => {
    expect(secretFieldValues({ Token: 't0ken-1', IsTokenEnable: true, usersig: 'u', APP_SECRET: 's', RoomId: 'room', sign: 7 })).toEqual([
      't0ken-1',
      'u',
      's',
    ]);
    expect(secretFieldValues({})).toEqual([]);
  });
});
