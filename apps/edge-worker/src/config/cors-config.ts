import { configured, readList, type Bindings, type Configured } from './read-bindings.js';

/** Which origins may call the browser routes. */
export interface CorsConfig {
  /** `true` when `ALLOWED_ORIGINS` is `*`. */
  readonly anyOrigin: boolean;
  /** Exact origins (`scheme://host[:port]`), lower-cased. */
  readonly origins: ReadonlySet<string>;
}

/**
 * Reads `ALLOWED_ORIGINS`: a comma-separated list of origins such as `https://app.example.com`, or `*`. Unset
 * means no cross-origin access (same-origin pages and servers still work). An entry that is not an origin (a path,
 * a missing scheme) is a problem, so a typo does not silently lock the browser out.
 */
export function readCorsConfig(env: Bindings): Configured<CorsConfig> {
  const problems: string[] = [];
  const entries = readList(env, 'ALLOWED_ORIGINS', problems);
  const origins = new Set<string>();
  let anyOrigin = false;
  for (const entry of entries) {
    if (entry === '*') {
      anyOrigin = true;
      continue;
    }
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry.replace(/\/$/, '').toLowerCase())
        origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined) {
      problems.push('ALLOWED_ORIGINS must list origins such as https://app.example.com (scheme, host, optional port; no path), or *');
      break;
    }
    origins.add(origin);
  }
  return configured(problems, () => ({ anyOrigin, origins }));
}
