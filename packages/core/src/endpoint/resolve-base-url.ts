import * as v from 'valibot';
import { parseInput } from '../validation/parse-input.js';
import { BaseUrlSchema } from './base-url-schema.js';
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
  return parseInput(ResolveBaseUrlInputSchema, { regionOrUrl }, 'base URL').regionOrUrl;
}

/** The argument of {@link resolveBaseUrl} that is not a region, under its name for the error's path. */
const ResolveBaseUrlInputSchema = /* @__PURE__ */ (() =>
  v.object({
    regionOrUrl: v.pipe(
      v.string(),
      v.check(isAbsoluteUrl, () => `expected a region (${regionNames()}) or an absolute http(s) URL`),
      BaseUrlSchema,
    ),
  }))();

/** Whether `text` parses as an absolute URL. */
function isAbsoluteUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
