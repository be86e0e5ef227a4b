import type { MiddlewareHandler } from 'hono';
import type { WorkerHonoEnv } from '../worker-hono-env.js';

/** The configuration sections a route can require. */
export type RouteSection = 'callback' | 'userSig';

/**
 * Middleware: the route's configuration section must be complete, or the request is answered by `misconfigured`
 * (which logs the problems — binding names, never values — and answers 500 without naming them). Otherwise the
 * section's value is `c.var[section]` for what follows.
 */
export function requireSection(
  section: RouteSection,
  misconfigured: (route: string, problems: readonly string[]) => Response,
): MiddlewareHandler<WorkerHonoEnv> {
  return async (c, next) => {
    const configured = c.var.config[section];
    if (!configured.ok) return misconfigured(c.req.path, configured.problems);
    c.set(section, configured.value as never);
    await next();
  };
}
