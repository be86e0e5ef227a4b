import * as v from 'valibot';
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

const PATTERN_MESSAGE =
  'must be "*", a Tencent service/command (e.g. "live_config/set_callback"), a path starting with "/" or a predicate function';

/** Whether `pattern` is a route pattern string: `*`, `**`, a path, or exactly one `service/command`. */
function isRouteString(pattern: string): boolean {
  if (pattern === '*' || pattern === '**' || pattern.startsWith('/')) return true;
  const slash = pattern.indexOf('/');
  return slash > 0 && slash < pattern.length - 1 && pattern.indexOf('/', slash + 1) === -1;
}

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

/** Compiles one pattern its schema accepted. */
function compileOne(pattern: RoutePattern): RouteMatcher {
  if (typeof pattern === 'function') {
    return (route, request) => (request === undefined ? false : pattern(request(), route) === true);
  }
  if (pattern === '*' || pattern === '**') return () => true;
  const expression = globToRegExp(pattern);
  if (pattern.startsWith('/')) return (route) => expression.test(route.path);
  return (route) => route.kind === 'tencent' && expression.test(route.name);
}

/** Compiles a pattern or a list of them (any of which may match). */
function compile(pattern: RoutePattern | readonly RoutePattern[]): RouteMatcher {
  if (typeof pattern === 'string' || typeof pattern === 'function') return compileOne(pattern);
  const matchers = pattern.map(compileOne);
  return (route, request) => matchers.some((matcher) => matcher(route, request));
}

/**
 * A fault rule's `route` (a {@link RoutePattern} or a non-empty list of them), compiled into a
 * {@link RouteMatcher}. A bad entry of a list is reported at its index (`route.1`).
 *
 * @example
 * ```ts
 * const matches = parseInput(RouteSchema, ['live_config/*', '/apiaccess/ccmessaging/send'], 'route');
 * matches(describeRoute(new URL('https://x/v4/live_config/get_callback'))); // true
 * ```
 */
export const RouteSchema: v.GenericSchema<unknown, RouteMatcher> = /* @__PURE__ */ (() => {
  const one = v.custom<RoutePattern>(
    (value) => typeof value === 'function' || (typeof value === 'string' && isRouteString(value)),
    PATTERN_MESSAGE,
  );
  const list = v.pipe(v.array(one), v.nonEmpty('must list at least one route'));
  return v.pipe(
    v.lazy((input) => (Array.isArray(input) ? list : one)),
    v.transform((pattern) => compile(pattern)),
  );
})();
