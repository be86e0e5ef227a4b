import { functionSchema, numberIn, optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';

/** CORS settings, so a page in a browser can call the emulator across origins. */
export interface CorsOptions {
  /**
   * Allowed origins: `'*'` (the default) for any, one origin, a list of origins, or a predicate. A listed
   * origin is echoed back with `Vary: Origin`.
   */
  readonly origin?: string | readonly string[] | ((origin: string) => boolean);
  /** Response headers the page may read. Defaults to `['ccmessaging-token']` (AICC token rotation). */
  readonly exposeHeaders?: readonly string[];
  /**
   * Request headers a preflight allows. Defaults to whatever the preflight asks for
   * (`Access-Control-Request-Headers`).
   */
  readonly allowHeaders?: readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. Defaults to 600. */
  readonly maxAgeSeconds?: number;
}

/** Applies CORS to the emulator's traffic. */
export interface CorsPolicy {
  /** True when `request` is a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`). */
  isPreflight(request: Request): boolean;
  /** The answer to a preflight: 204, with the allow headers when the origin is allowed. */
  preflight(request: Request): Response;
  /** The response with CORS headers added (a new `Response` sharing the body). */
  decorate(request: Request, response: Response): Response;
}

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

/**
 * The emulator's `cors` option: `true` (or left out) for the defaults, `false` for none, or {@link CorsOptions}.
 * `false` comes out as `false`, anything else as the settings object.
 */
export const CorsOptionSchema: v.GenericSchema<unknown, CorsOptions | false> = /* @__PURE__ */ (() => {
  const headerNames = v.optional(v.array(v.string('must be a header name'), 'must be a list of header names'));
  const settings = optionsObject(
    {
      origin: v.optional(
        v.union(
          [v.string(), v.array(v.string()), functionSchema<(origin: string) => boolean>()],
          'must be "*", an origin, a list of origins or a predicate',
        ),
      ),
      exposeHeaders: headerNames,
      allowHeaders: headerNames,
      maxAgeSeconds: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a non-negative integer of seconds', true)),
    },
    'true, false or an object of CORS settings',
  );
  const onOrOff = v.pipe(
    v.boolean(),
    v.transform((on): CorsOptions | false => on && {}),
  );
  return v.optional(
    v.lazy((input) => (typeof input === 'boolean' ? onOrOff : settings)),
    true,
  );
})();

/** Builds the CORS policy of settings {@link CorsOptionSchema} accepted, or `undefined` for `false`. */
export function createCorsPolicy(settings: CorsOptions | false): CorsPolicy | undefined {
  if (settings === false) return undefined;
  const origin = settings.origin ?? '*';
  const maxAge = settings.maxAgeSeconds ?? 600;
  const exposeHeaders = (settings.exposeHeaders ?? ['ccmessaging-token']).join(', ');
  /** The `Access-Control-Allow-Origin` value for a request's origin, or undefined when not allowed. */
  const allowOrigin = (requestOrigin: string | null): string | undefined => {
    if (origin === '*') return '*';
    if (requestOrigin === null) return undefined;
    if (typeof origin === 'function') return origin(requestOrigin) ? requestOrigin : undefined;
    if (typeof origin === 'string') return origin === requestOrigin ? requestOrigin : undefined;
    return origin.includes(requestOrigin) ? requestOrigin : undefined;
  };
  const addOrigin = (headers: Headers, request: Request): boolean => {
    const allowed = allowOrigin(request.headers.get('origin'));
    if (origin !== '*') headers.append('vary', 'Origin');
    if (allowed === undefined) return false;
    headers.set('access-control-allow-origin', allowed);
    return true;
  };

  return {
    isPreflight: (request) => request.method === 'OPTIONS' && request.headers.has('access-control-request-method'),
    preflight(request) {
      const headers = new Headers();
      if (addOrigin(headers, request)) {
        headers.set('access-control-allow-methods', ALLOWED_METHODS);
        const allowHeaders = settings.allowHeaders?.join(', ') ?? request.headers.get('access-control-request-headers');
        if (allowHeaders) headers.set('access-control-allow-headers', allowHeaders);
        headers.set('access-control-max-age', String(maxAge));
      }
      return new Response(null, { status: 204, headers });
    },
    decorate(request, response) {
      const headers = new Headers(response.headers);
      if (addOrigin(headers, request) && exposeHeaders) headers.set('access-control-expose-headers', exposeHeaders);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
  };
}
