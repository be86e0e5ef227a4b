import { ValidationError } from '../errors/validation-error.js';
import { isRegion, REGION_DOMAINS, regionNames, type Region } from './regions.js';

/** Options of {@link resolveBaseUrl}. */
export interface ResolveBaseUrlOptions {
  /** Use the region's backup domain instead of the primary one. Ignored for custom URLs. */
  readonly backup?: boolean;
}

/**
 * Turns a region name or a custom base URL into the base URL requests go to, without a trailing slash.
 * Custom URLs (the emulator, a private deployment, a proxy) must be absolute `http:` or `https:` URLs without
 * a query or fragment; a path prefix is kept.
 *
 * @throws {@link ValidationError} for an unknown region or an unusable URL.
 * @example
 * ```ts
 * resolveBaseUrl('singapore');                   // 'https://adminapisgp.im.qcloud.com'
 * resolveBaseUrl('china', { backup: true });     // 'https://adminapi.my-imcloud.com'
 * resolveBaseUrl('http://127.0.0.1:8787/');      // 'http://127.0.0.1:8787'
 * ```
 */
export function resolveBaseUrl(regionOrUrl: Region | string, options: ResolveBaseUrlOptions = {}): string {
  if (isRegion(regionOrUrl)) return `https://${REGION_DOMAINS[regionOrUrl][options.backup ? 1 : 0]}`;
  const fail = (message: string): never => {
    throw new ValidationError('base URL', [{ path: 'regionOrUrl', message }]);
  };
  let url: URL | undefined;
  try {
    if (typeof regionOrUrl === 'string') url = new URL(regionOrUrl);
  } catch {
    // Not an absolute URL. The value is not echoed: a URL may carry credentials.
  }
  if (url === undefined) return fail(`expected a region (${regionNames()}) or an absolute http(s) URL`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`unsupported protocol "${url.protocol}"`);
  if (url.search || url.hash) return fail('must not carry a query or fragment');
  if (url.username || url.password) return fail('must not carry credentials');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
