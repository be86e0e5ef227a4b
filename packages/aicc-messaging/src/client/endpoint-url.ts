import * as v from 'valibot';

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An absolute `http(s)` base URL without query or fragment, output without a trailing slash. A path prefix is kept
 * (a proxy mounted under `/aicc`), a port too (`:28070` on some tenants).
 */
export const HttpBaseUrlSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.string('must be a string'),
    v.check((text) => parseHttpUrl(text) !== undefined, 'must be an absolute http(s) URL'),
    v.check((text) => {
      const url = parseHttpUrl(text);
      return url === undefined || (url.search === '' && url.hash === '' && !text.includes('?') && !text.includes('#'));
    }, 'must not have a query or fragment'),
    v.transform((text) => text.replace(/\/+$/, '')),
  ))();

/** A root-relative path (`/support/chat`), for a gateway on the page's own origin; output without a trailing slash. */
export const RootRelativePathSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.string('must be a string'),
    v.regex(/^\/(?!\/)[^?#\s\\]*$/, 'must be an absolute http(s) URL or a path starting with a single /'),
    v.transform((text) => text.replace(/\/+$/, '')),
  ))();

/** A path on the AICC host, such as the API Fabric token path (built in a pure function: only direct clients use it). */
export const PathSchema = /* @__PURE__ */ (() =>
  v.pipe(v.string('must be a string'), v.regex(/^\/[^?#\s\\]*$/, 'must be a path starting with /, without query or fragment')))();
