import { CallbackSignatureError } from '@tokenwire/core';
import type { HonoRequest } from 'hono';

/** Hono's body cache by what its readers stored (promises, whatever `HonoRequest`'s type says). */
type BodyCacheEntries = Partial<Record<'arrayBuffer' | 'text' | 'blob' | 'json' | 'formData' | 'parsedBody', unknown>>;

/**
 * The raw body of a Hono request through Hono's body cache, so a handler after the middleware can still read it
 * (`c.req.json()`, `c.req.text()`): the exact bytes read now (`c.req.arrayBuffer()`, which Hono caches), or what an
 * earlier middleware cached in an exact form — bytes, text or a blob.
 *
 * @throws `CallbackSignatureError` `malformed_request` when only a parsed form is cached (`c.req.parseBody()`, or
 *   `c.req.json()` in a Hono that caches the parsed JSON), or when something read `c.req.raw` directly: the raw body
 *   Tencent signed is gone. A server misconfiguration: it reaches Hono's `onError` (a 500), not the caller.
 * @internal
 */
export async function readHonoRequestBody(request: HonoRequest): Promise<Uint8Array | string> {
  const cache = request.bodyCache as BodyCacheEntries;
  if (cache.arrayBuffer !== undefined) return new Uint8Array((await cache.arrayBuffer) as ArrayBuffer);
  if (cache.text !== undefined) return (await cache.text) as string;
  if (cache.blob !== undefined) return new Uint8Array(await ((await cache.blob) as Blob).arrayBuffer());
  if (Object.keys(cache).length > 0) {
    throw new CallbackSignatureError(
      'malformed_request',
      'The callback body was parsed (c.req.parseBody() or c.req.json()) before the tokenwire middleware, and Hono kept only ' +
        'the parsed form: the raw body Tencent signed is gone. Put the tokenwire middleware first on the callback route',
    );
  }
  if (request.raw.bodyUsed) {
    throw new CallbackSignatureError(
      'malformed_request',
      "The callback body was read from c.req.raw before the tokenwire middleware, bypassing Hono's body cache: read it " +
        'with c.req.text() or c.req.arrayBuffer(), or put the tokenwire middleware first',
    );
  }
  return new Uint8Array(await request.arrayBuffer());
}
