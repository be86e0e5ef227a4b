import { originOf } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { type Bindings, type Configured, listBinding, parseBindings } from './read-bindings.js';

/** Which origins may call the browser routes. */
export interface CorsConfig {
  /** `true` when `ALLOWED_ORIGINS` is `*`. */
  readonly anyOrigin: boolean;
  /** Exact origins (`scheme://host[:port]`), lower-cased. */
  readonly origins: ReadonlySet<string>;
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
