import * as v from 'valibot';
import { expected } from '../validation/option-schemas.js';
import { regionNames } from './regions.js';

/**
 * A custom base URL: an absolute `http:` or `https:` URL without a query, fragment or credentials; output without a
 * trailing slash (a path prefix is kept). The URL is never echoed in a message: it may carry credentials.
 *
 * @internal
 */
export const BaseUrlSchema: v.GenericSchema<string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.string(expected('must be a string')),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      let url: URL | undefined;
      try {
        url = new URL(dataset.value);
      } catch {
        // Not an absolute URL.
      }
      const problem =
        url === undefined
          ? `expected a region (${regionNames()}) or an absolute http(s) URL`
          : url.protocol !== 'https:' && url.protocol !== 'http:'
            ? `unsupported protocol "${url.protocol}"`
            : url.search || url.hash
              ? 'must not carry a query or fragment'
              : url.username || url.password
                ? 'must not carry credentials'
                : undefined;
      if (url === undefined || problem !== undefined) {
        addIssue({ message: problem });
        return NEVER;
      }
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }),
  ))();
