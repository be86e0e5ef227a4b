import * as v from 'valibot';
import { type Bindings, type Configured, listBinding, parseBindings } from './read-bindings.js';

/** Which origins may call the browser routes. */
export interface CorsConfig {
  /** `true` when `ALLOWED_ORIGINS` is `*`. */
  readonly anyOrigin: boolean;
  /** Exact origins (`scheme://host[:port]`), lower-cased. */
  readonly origins: ReadonlySet<string>;
}

/** `entry` as an origin (`https://app.example.com`, lower-cased), or `undefined` when it is not one (a path, no scheme). */
function originOf(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    const exact = url.origin === entry.replace(/\/$/, '').toLowerCase();
    return (url.protocol === 'https:' || url.protocol === 'http:') && exact ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `ALLOWED_ORIGINS`: a comma-separated list of origins such as `https://app.example.com`, or `*`. Unset means no
 * cross-origin access (same-origin pages and servers still work). An entry that is not an origin is a problem, so a
 * typo does not silently lock the browser out.
 */
const CorsBindingsSchema = v.pipe(
  v.object({
    ALLOWED_ORIGINS: v.pipe(
      listBinding,
      v.check(
        (entries) => entries.every((entry) => entry === '*' || originOf(entry) !== undefined),
        'must list origins such as https://app.example.com (scheme, host, optional port; no path), or *',
      ),
    ),
  }),
  v.transform(
    ({ ALLOWED_ORIGINS: entries }): CorsConfig => ({
      anyOrigin: entries.includes('*'),
      origins: new Set(entries.flatMap((entry) => originOf(entry) ?? [])),
    }),
  ),
);

/** Reads which origins may call the browser routes (see `CorsBindingsSchema`). */
export function readCorsConfig(env: Bindings): Configured<CorsConfig> {
  return parseBindings(CorsBindingsSchema, env);
}
