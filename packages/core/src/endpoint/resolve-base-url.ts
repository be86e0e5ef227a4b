import { ValidationError } from '../errors/validation-error.js';
import { isRegion, REGIONS, type Region } from './regions.js';

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
  if (isRegion(regionOrUrl)) {
    const region = REGIONS[regionOrUrl];
    return `https://${options.backup ? region.backupDomain : region.domain}`;
  }
  const fail = (message: string): never => {
    throw new ValidationError('base URL', [{ path: 'regionOrUrl', message }]);
  };
  if (typeof regionOrUrl !== 'string' || regionOrUrl.length === 0) {
    return fail(`expected a region (${Object.keys(REGIONS).join(', ')}) or an http(s) URL`);
  }
  let url: URL;
  try {
    url = new URL(regionOrUrl);
  } catch {
    return fail(`"${regionOrUrl}" is neither a known region (${Object.keys(REGIONS).join(', ')}) nor an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`unsupported protocol "${url.protocol}"`);
  if (url.search || url.hash) return fail('a base URL must not carry a query or fragment');
  if (url.username || url.password) return fail('a base URL must not carry credentials');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
