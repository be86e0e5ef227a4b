import { ValidationError } from '@tokenwire/core';
import type { RouteInfo } from '../route.js';

/**
 * Decides in code whether a request is on a route. Gets its own clone of the request: read headers and the URL
 * freely; reading the body is allowed but costs a copy. It must be synchronous.
 */
export type RoutePredicate = (request: Request, route: RouteInfo) => boolean;

/**
 * Names the requests a fault applies to:
 *
 * - `'*'` — every request;
 * - a Tencent `service/command`, with `*` wildcards: `'live_config/set_callback'`, `'live_config/*'`;
 * - a URL path starting with `/`, with `*` matching within one segment and `**` across segments:
 *   `'/apiaccess/ccmessaging/send'`, `'/apiaccess/ccmessaging/*'`, `'/apiaccess/**'`;
 * - a {@link RoutePredicate}.
 */
export type RoutePattern = string | RoutePredicate;

/** A compiled route pattern. `request` is absent where only the route is known (request log queries). */
export type RouteMatcher = (route: RouteInfo, request?: () => Request) => boolean;

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index]!;
    if (character === '*') {
      if (glob[index + 1] === '*') {
        source += '.*';
        index++;
      } else {
        source += '[^/]*';
      }
    } else {
      source += character.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function compileOne(pattern: RoutePattern, path: string): RouteMatcher {
  if (typeof pattern === 'function') {
    return (route, request) => (request === undefined ? false : pattern(request(), route) === true);
  }
  if (typeof pattern !== 'string' || pattern.length === 0) {
    throw new ValidationError('route', [{ path, message: 'must be a non-empty string or a predicate function' }]);
  }
  if (pattern === '*' || pattern === '**') return () => true;
  const expression = globToRegExp(pattern);
  if (pattern.startsWith('/')) return (route) => expression.test(route.path);
  const slash = pattern.indexOf('/');
  if (slash <= 0 || slash === pattern.length - 1 || pattern.indexOf('/', slash + 1) !== -1) {
    throw new ValidationError('route', [
      {
        path,
        message: `"${pattern}" is neither a Tencent service/command (e.g. "live_config/set_callback") nor a path starting with "/"`,
      },
    ]);
  }
  return (route) => route.kind === 'tencent' && expression.test(route.name);
}

/**
 * Compiles one pattern or a list of patterns (any of which may match) into a {@link RouteMatcher}.
 * Throws a `ValidationError` for a malformed pattern.
 *
 * @example
 * ```ts
 * const matches = compileRoutePattern(['live_config/*', '/apiaccess/ccmessaging/send']);
 * matches(describeRoute(new URL('https://x/v4/live_config/get_callback'))); // true
 * ```
 */
export function compileRoutePattern(pattern: RoutePattern | readonly RoutePattern[], path = 'route'): RouteMatcher {
  if (Array.isArray(pattern)) {
    if (pattern.length === 0) throw new ValidationError('route', [{ path, message: 'must list at least one route' }]);
    const matchers = pattern.map((one: RoutePattern, index) => compileOne(one, `${path}[${index}]`));
    return (route, request) => matchers.some((matcher) => matcher(route, request));
  }
  return compileOne(pattern as RoutePattern, path);
}
