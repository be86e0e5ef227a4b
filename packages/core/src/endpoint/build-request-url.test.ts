import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { buildRequestUrl, type RequestUrlParts } from './build-request-url.js';

const parts: RequestUrlParts = {
  baseUrl: 'https://console.tim.qq.com',
  service: 'live_config',
  command: 'set_callback_token',
  sdkAppId: 1400000000,
  identifier: 'administrator',
  userSig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwoYGBgaGhiAlxakp2YkFJcXFqcmpRQpGSgYGBsYGxiamJgCqNxTV',
  random: 123456789,
};

describe('buildRequestUrl', () => {
  it('builds the documented URL with parameters in order', () => {
    expect(buildRequestUrl(parts)).toBe(
      `https://console.tim.qq.com/v4/live_config/set_callback_token?sdkappid=1400000000&identifier=administrator&usersig=${parts.userSig}&random=123456789&contenttype=json`,
    );
  });

  it.each([Number.NaN, -1, 1.5, 2 ** 32])('rejects random %s instead of wrapping it into range', (random) => {
    let caught: unknown;
    try {
      buildRequestUrl({ ...parts, random });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).issues).toEqual([{ path: 'random', message: 'must be an integer from 0 to 4294967295' }]);
  });

  it('keeps a base URL path prefix', () => {
    expect(buildRequestUrl({ ...parts, baseUrl: 'http://127.0.0.1:8787/tencent' })).toMatch(
      /^http:\/\/127\.0\.0\.1:8787\/tencent\/v4\/live_config\/set_callback_token\?/,
    );
  });

  it('leaves the UserSig alphabet as is and percent-encodes the identifier', () => {
    const url = new URL(buildRequestUrl({ ...parts, identifier: 'admin @&=+/中', userSig: 'eJy*ab-c_d' }));
    expect(url.search).toContain('usersig=eJy*ab-c_d&');
    expect(url.search).toContain(`identifier=${encodeURIComponent('admin @&=+/中')}&`);
    expect(url.searchParams.get('identifier')).toBe('admin @&=+/中');
    expect(url.searchParams.get('usersig')).toBe('eJy*ab-c_d');
  });

  it('round-trips through URL for arbitrary identifiers and uint32 randoms', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 32 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (identifier, random) => {
          const url = new URL(buildRequestUrl({ ...parts, identifier, random }));
          expect([...url.searchParams.keys()]).toEqual(['sdkappid', 'identifier', 'usersig', 'random', 'contenttype']);
          expect(url.searchParams.get('identifier')).toBe(identifier);
          expect(url.searchParams.get('random')).toBe(String(random));
          expect(url.searchParams.get('contenttype')).toBe('json');
          expect(url.pathname).toBe('/v4/live_config/set_callback_token');
        },
      ),
    );
  });

  it.each([
    ['a parent-directory service', { service: '..' }],
    ['a slash in the service', { service: 'live_config/../im_open_login_svc' }],
    ['a slash in the command', { command: 'a/b' }],
    ['a query in the command', { command: 'get_callback?usersig=x' }],
    ['a fragment in the command', { command: 'get_callback#x' }],
    ['an encoded slash', { command: 'a%2Fb' }],
    ['a trailing newline', { command: 'get_callback\n' }],
    ['whitespace', { service: 'live config' }],
    ['a dot', { command: 'get.callback' }],
    ['a dash', { service: 'live-config' }],
    ['non-ASCII letters', { command: 'gét_callback' }],
    ['an empty service', { service: '' }],
    ['an empty command', { command: '' }],
    ['a non-string service', { service: 42 }],
    ['a missing command', { command: undefined }],
  ])('rejects %s', (_label, change) => {
    let caught: unknown;
    try {
      buildRequestUrl({ ...parts, ...change } as RequestUrlParts);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
  });

  it.each([
    ['identifier', { identifier: 'admin\ud800' }],
    ['userSig', { userSig: 'eJy\udc00secret' }],
  ])('rejects a lone surrogate in %s with a ValidationError that does not echo it', (path, change) => {
    try {
      buildRequestUrl({ ...parts, ...change });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues[0]?.path).toBe(path);
      expect((error as ValidationError).message).not.toContain('secret');
    }
  });

  it('reports both service and command issues at once', () => {
    try {
      buildRequestUrl({ ...parts, service: 'a/b', command: '../c' });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['service', 'command']);
    }
  });

  it('accepts plain names of letters, digits and underscores', () => {
    expect(() => buildRequestUrl({ ...parts, service: 'im_open_login_svc', command: 'account_import' })).not.toThrow();
    expect(() => buildRequestUrl({ ...parts, service: 'v4Service2', command: 'CMD_1' })).not.toThrow();
  });
});
