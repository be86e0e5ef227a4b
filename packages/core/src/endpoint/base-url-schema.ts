import * as v from 'valibot';
import { expected } from '../validation/option-schemas.js';

/** `text` as an absolute `http:` or `https:` URL, or `undefined`. */
function httpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A custom base URL: an absolute `http:` or `https:` URL without a query, fragment or credentials; output without a
 * trailing slash (a path prefix is kept, a port too). The URL is never echoed in a message: it may carry credentials.
 *
 * @internal
 */
export const BaseUrlSchema: v.GenericSchema<string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.string(expected('must be a string')),
    v.check((text) => httpUrl(text) !== undefined, 'must be an absolute http(s) URL'),
    v.check((text) => !/[?#]/.test(text), 'must not have a query or fragment'),
    v.check((text) => {
      const url = httpUrl(text);
      return url === undefined || (url.username === '' && url.password === '');
    }, 'must not carry credentials'),
    v.transform((text) => {
      const url = new URL(text);
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }),
  ))();
