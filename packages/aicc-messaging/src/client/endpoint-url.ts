import * as v from 'valibot';

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
