import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { CorsOptionSchema, createCorsPolicy as createPolicy, type CorsOptions } from './cors.js';

/** The policy of a `cors` option, as the emulator builds it: parsed, then built. */
const createCorsPolicy = (options: boolean | CorsOptions | undefined) => createPolicy(parseInput(CorsOptionSchema, options, 'cors'));

const preflight = (origin = 'http://page.test', requestHeaders = 'content-type, ccmessaging-token') =>
  new Request('http://emulator.test/apiaccess/ccmessaging/send', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
const call = (origin?: string) => new Request('http://emulator.test/x', { method: 'POST', headers: origin ? { origin } : {} });
const answer = () =>
  new Response('{}', { status: 201, statusText: 'Created', headers: { 'content-type': 'application/json', 'ccmessaging-token': 't' } });

describe('createCorsPolicy', () => {
  it('is off with false', () => {
    expect(createCorsPolicy(false)).toBeUndefined();
  });

  it('recognizes preflights only by OPTIONS with Access-Control-Request-Method', () => {
    const policy = createCorsPolicy(undefined)!;
    expect(policy.isPreflight(preflight())).toBe(true);
    expect(policy.isPreflight(new Request('http://e/', { method: 'OPTIONS' }))).toBe(false);
    expect(policy.isPreflight(call('http://page.test'))).toBe(false);
  });

  it('answers preflights with * by default, echoing the requested headers', () => {
    const response = createCorsPolicy(true)!.preflight(preflight());
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, ccmessaging-token');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('vary')).toBeNull();
  });

  it('decorates answers with the origin and the exposed ccmessaging-token header, keeping status and body', async () => {
    const response = createCorsPolicy(undefined)!.decorate(call('http://page.test'), answer());
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('ccmessaging-token');
    expect(response.headers.get('ccmessaging-token')).toBe('t');
    expect(await response.text()).toBe('{}');
  });

  it.each<[CorsOptions['origin'], string, boolean]>([
    ['http://page.test', 'http://page.test', true],
    ['http://page.test', 'http://evil.test', false],
    [['http://a.test', 'http://page.test'], 'http://page.test', true],
    [['http://a.test'], 'http://page.test', false],
    [(origin) => origin.endsWith('.test'), 'http://page.test', true],
    [(origin) => origin.endsWith('.example'), 'http://page.test', false],
  ])('with origin %s, echoes %s: %s', (origin, requestOrigin, allowed) => {
    const policy = createCorsPolicy({ origin })!;
    const pre = policy.preflight(preflight(requestOrigin));
    const decorated = policy.decorate(call(requestOrigin), answer());
    for (const response of [pre, decorated]) {
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed ? requestOrigin : null);
      expect(response.headers.get('vary')).toBe('Origin');
    }
    expect(pre.headers.has('access-control-allow-methods')).toBe(allowed);
    expect(decorated.headers.has('access-control-expose-headers')).toBe(allowed);
  });

  it('does not allow a request without Origin under a specific origin policy', () => {
    const response = createCorsPolicy({ origin: 'http://page.test' })!.decorate(call(), answer());
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('uses configured allow and expose headers and max age', () => {
    const policy = createCorsPolicy({ allowHeaders: ['x-one', 'x-two'], exposeHeaders: ['x-three'], maxAgeSeconds: 5 })!;
    const pre = policy.preflight(preflight());
    expect(pre.headers.get('access-control-allow-headers')).toBe('x-one, x-two');
    expect(pre.headers.get('access-control-max-age')).toBe('5');
    expect(policy.decorate(call('http://p'), answer()).headers.get('access-control-expose-headers')).toBe('x-three');
    expect(createCorsPolicy({ exposeHeaders: [] })!.decorate(call('http://p'), answer()).headers.has('access-control-expose-headers')).toBe(
      false,
    );
  });

  it('rejects bad options with a ValidationError naming each (a list by its bad entry)', () => {
    try {
      createCorsPolicy({ origin: 42, exposeHeaders: 'x', allowHeaders: [1], maxAgeSeconds: -1 } as unknown as CorsOptions);
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        'origin',
        'exposeHeaders',
        'allowHeaders.0',
        'maxAgeSeconds',
      ]);
    }
  });

  it('refuses an unknown setting and anything but a boolean or an object', () => {
    expect(() => createCorsPolicy({ orign: '*' } as CorsOptions)).toThrow(/orign: is not a known option/);
    expect(() => createCorsPolicy('yes' as unknown as CorsOptions)).toThrow(
      /must be true, false or an object of CORS settings, got string/,
    );
    expect(() => createCorsPolicy([] as unknown as CorsOptions)).toThrow(/got an array/);
  });
});
