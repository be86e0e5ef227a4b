import { CallbackSignatureError } from '@tokenwire/core';
import { utf8ByteLength } from '@tokenwire/core/internal';
import type { NodeCallbackRequest } from './node-http-shapes.js';

/** What {@link readNodeRequestBody} found: the raw body, or a body over the limit (`too_large`, not read on). */
export type NodeRequestBody = { readonly raw: Uint8Array | string } | 'too_large';

const ALREADY_PARSED =
  'The callback body was already read and parsed by a body parser (express.json(), express.urlencoded(), ' +
  'a global app.use(bodyParser…)), so the raw body that Tencent signed is gone and integers beyond 2^53 are rounded. ' +
  'Mount the tokenwire handler before the global parser, or give the parser a type that leaves this route alone ' +
  "(express.json({ type: (req) => !req.url.startsWith('/tencent/') }))";

const ALREADY_READ =
  'The callback body stream was already read to its end by something before the tokenwire handler, which left no raw ' +
  'body on req.body: mount the handler before whatever reads the request';

/** A declared `Content-Length` over `maxBytes` (a malformed one is left to the reading to bound). */
function declaredTooLarge(request: NodeCallbackRequest, maxBytes: number): boolean {
  const declared = request.headers['content-length'];
  return typeof declared === 'string' && /^[0-9]+$/.test(declared) && Number(declared) > maxBytes;
}

function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The raw body of a Node request, at most `maxBytes` of it: what an Express body parser left as bytes or text
 * (`express.raw()`, `express.text()`), or else the request stream, read here. Over the limit — declared by
 * `Content-Length` or found while reading — it stops reading and says `too_large`; the caller answers 413 and closes
 * the connection.
 *
 * @throws `CallbackSignatureError` `malformed_request` when a body parser already consumed the stream and left a
 *   parsed object (or nothing), or when the stream yields text (`setEncoding` was called): the raw body is gone.
 *   This is the server's configuration, not the caller's: the handler passes it to `next`.
 * @internal
 */
export async function readNodeRequestBody(request: NodeCallbackRequest, maxBytes: number): Promise<NodeRequestBody> {
  const parsed = request.body;
  if (parsed instanceof Uint8Array || typeof parsed === 'string') {
    const length = typeof parsed === 'string' ? utf8ByteLength(parsed) : parsed.byteLength;
    return length > maxBytes ? 'too_large' : { raw: parsed };
  }
  if (request.readableEnded) {
    throw new CallbackSignatureError('malformed_request', parsed === undefined ? ALREADY_READ : ALREADY_PARSED);
  }
  if (declaredTooLarge(request, maxBytes)) return 'too_large';
  // Read by hand rather than with for await: leaving that loop early destroys the request, and with it the socket
  // the 413 answer must go out on.
  const chunks = request[Symbol.asyncIterator]();
  const read: Uint8Array[] = [];
  let length = 0;
  for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
    const chunk: unknown = next.value;
    if (!(chunk instanceof Uint8Array)) {
      throw new CallbackSignatureError(
        'malformed_request',
        'The callback request stream yields text, not bytes (request.setEncoding() was called), so its exact bytes are gone',
      );
    }
    length += chunk.byteLength;
    if (length > maxBytes) return 'too_large';
    read.push(chunk);
  }
  return { raw: concatenate(read, length) };
}
