import { ValidationError, type ValidationIssue } from '@tokenwire/core';

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

/** Validates CORS options (`true`/`undefined`: defaults, `false`: off) and builds the policy, or `undefined`. */
export function createCorsPolicy(options: boolean | CorsOptions | undefined): CorsPolicy | undefined {
  if (options === false) return undefined;
  if (!(options === true || options === undefined || (typeof options === 'object' && options !== null && !Array.isArray(options)))) {
    throw new ValidationError('emulator options', [{ path: 'cors', message: 'must be true, false or an object of CORS settings' }]);
  }
  const settings: CorsOptions = options === true || options === undefined ? {} : options;
  const issues: ValidationIssue[] = [];
  const origin = settings.origin ?? '*';
  const isStringList = (value: unknown): value is readonly string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!(typeof origin === 'string' || typeof origin === 'function' || isStringList(origin))) {
    issues.push({ path: 'cors.origin', message: 'must be "*", an origin, a list of origins or a predicate' });
  }
  if (settings.exposeHeaders !== undefined && !isStringList(settings.exposeHeaders)) {
    issues.push({ path: 'cors.exposeHeaders', message: 'must be a list of header names' });
  }
  if (settings.allowHeaders !== undefined && !isStringList(settings.allowHeaders)) {
    issues.push({ path: 'cors.allowHeaders', message: 'must be a list of header names' });
  }
  const maxAge = settings.maxAgeSeconds ?? 600;
  if (!Number.isInteger(maxAge) || maxAge < 0) issues.push({ path: 'cors.maxAgeSeconds', message: 'must be a non-negative integer' });
  if (issues.length > 0) throw new ValidationError('emulator options', issues);

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
