import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import { describe, expect, it, vi } from 'vitest';
import { describeRoute } from '../route.js';
import { RouteSchema } from './route-pattern.js';

const compileRoutePattern = (pattern: unknown) => parseInput(RouteSchema, pattern, 'route');

const at = (path: string) => describeRoute(new URL(`https://emulator.test${path}`));

describe('RouteSchema', () => {
  it('matches Tencent service/command exactly or with wildcards, only on Tencent routes', () => {
    const exact = compileRoutePattern('live_config/set_callback');
    expect(exact(at('/v4/live_config/set_callback'))).toBe(true);
    expect(exact(at('/v4/live_config/set_callback_token'))).toBe(false);
    const wildcard = compileRoutePattern('live_config/*');
    expect(wildcard(at('/v4/live_config/get_callback_token'))).toBe(true);
    expect(wildcard(at('/v4/other/get_callback'))).toBe(false);
    expect(compileRoutePattern('*/get_*')(at('/v4/live_config/get_callback'))).toBe(true);
  });

  it('matches paths with * inside one segment and ** across segments', () => {
    const send = compileRoutePattern('/apiaccess/ccmessaging/send');
    expect(send(at('/apiaccess/ccmessaging/send'))).toBe(true);
    expect(send(at('/apiaccess/ccmessaging/sendAsync'))).toBe(false);
    const oneLevel = compileRoutePattern('/apiaccess/ccmessaging/*');
    expect(oneLevel(at('/apiaccess/ccmessaging/poll'))).toBe(true);
    expect(oneLevel(at('/apiaccess/ccmessaging/v1/robot/feedbacksatisfaction'))).toBe(false);
    const deep = compileRoutePattern('/apiaccess/**');
    expect(deep(at('/apiaccess/ccmessaging/v1/robot/feedbacksatisfaction'))).toBe(true);
    expect(compileRoutePattern('/v4/live_config/*')(at('/v4/live_config/get_callback'))).toBe(true);
  });

  it('escapes regular-expression characters in patterns', () => {
    expect(compileRoutePattern('/a.b')(at('/axb'))).toBe(false);
    expect(compileRoutePattern('/a.b')(at('/a.b'))).toBe(true);
  });

  it('matches everything with * and **', () => {
    expect(compileRoutePattern('*')(at('/anything/at/all'))).toBe(true);
    expect(compileRoutePattern('**')(at('/v4/live_config/x'))).toBe(true);
  });

  it('matches any of a list', () => {
    const matcher = compileRoutePattern(['live_config/get_callback', '/apiaccess/ccmessaging/poll']);
    expect(matcher(at('/apiaccess/ccmessaging/poll'))).toBe(true);
    expect(matcher(at('/v4/live_config/get_callback'))).toBe(true);
    expect(matcher(at('/v4/live_config/set_callback'))).toBe(false);
  });

  it('calls a predicate with a request and the route, and never without a request', () => {
    const predicate = vi.fn((request: Request) => request.headers.get('x-test') === 'yes');
    const matcher = compileRoutePattern(predicate);
    const route = at('/v4/live_config/get_callback');
    expect(matcher(route, () => new Request('https://x/', { headers: { 'x-test': 'yes' } }))).toBe(true);
    expect(predicate).toHaveBeenCalledWith(expect.any(Request), route);
    expect(matcher(route)).toBe(false);
  });

  it('rejects malformed patterns with a ValidationError', () => {
    for (const bad of ['', 'live_config', 'live_config/', '/'.slice(1), 'a/b/c', 42 as unknown as string]) {
      expect(() => compileRoutePattern(bad), String(bad)).toThrow(ValidationError);
    }
    expect(() => compileRoutePattern([])).toThrow(/at least one/);
    try {
      compileRoutePattern(['live_config/*', 'oops']);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues[0]?.path).toBe('1');
    }
  });
});
