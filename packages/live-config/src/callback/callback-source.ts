import { CallbackSignatureError } from '@tokenwire/core';

/**
 * A callback as a URL and its raw body, for frameworks that do not hand you a web `Request` (Express with
 * `express.raw()`, Fastify, Koa…). `body` must be exactly what arrived: bytes (a Node `Buffer` is a `Uint8Array`;
 * preferred, since they are what Tencent sent) or a string, never a parsed object.
 */
export interface RawCallback {
  /** The request URL with its query; absolute or relative (`req.originalUrl`). */
  readonly url: string | URL;
  /** The raw body, as received: its bytes, or its text (whose UTF-8 encoding then stands for the bytes). */
  readonly body: string | Uint8Array;
}

/** What `verifyLiveCallback` accepts: a web `Request` (Workers, Deno, Bun, Hono, Next) or a {@link RawCallback}. */
export type CallbackInput = Request | RawCallback;

/** A callback body as received: its exact bytes, and the text they encode. */
export interface CallbackBody {
  readonly bytes: Uint8Array;
  readonly text: string;
}

/** The URL of a callback and a way to read its raw body, once. */
export interface CallbackSource {
  readonly url: string;
  readBody(): Promise<CallbackBody>;
}

const NOT_UTF8 = 'The callback body is not valid UTF-8, so it is not JSON text (RFC 8259 §8.1) and has no exact text; Tencent sends UTF-8';

/** A lone surrogate: a string holding one has no UTF-8 encoding (`TextEncoder` would replace it). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The text of a body's bytes, exactly: UTF-8 without replacement, a leading byte order mark kept as `U+FEFF`.
 *
 * @throws `CallbackSignatureError` `malformed_body` for bytes that are not UTF-8.
 */
function exactText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new CallbackSignatureError('malformed_body', NOT_UTF8, { cause: error });
  }
}

/**
 * The bytes of a body given as text: its UTF-8 encoding.
 *
 * @throws `CallbackSignatureError` `malformed_body` for text with a lone surrogate, which no bytes encode.
 */
function exactBytes(text: string): Uint8Array {
  if (LONE_SURROGATE.test(text)) throw new CallbackSignatureError('malformed_body', NOT_UTF8);
  return new TextEncoder().encode(text);
}

const RE_SERIALIZED_BODY =
  'The callback body must be the raw body as received (a string or a Uint8Array), not a parsed object. ' +
  'A parsed and re-serialized body is not what Tencent sent: integers beyond 2^53 (account and room ids) are ' +
  'already rounded. Read it raw — express.raw({ type: "*/*" }), or await request.text() — and pass { url, body }.';

function isRequestLike(input: object): input is Request {
  const candidate = input as Partial<Request>;
  return typeof candidate.arrayBuffer === 'function' && typeof candidate.bodyUsed === 'boolean' && typeof candidate.url === 'string';
}

/**
 * Checks what `verifyLiveCallback` was given, before any of it is used: a `Request` whose body is still unread,
 * or a `{ url, body }` pair with a raw body. Reading is deferred so an unauthentic callback is refused without
 * reading its body.
 *
 * @throws `CallbackSignatureError` `malformed_request` with a message saying what to pass instead; `readBody`
 *   throws `malformed_body` when the body cannot be read or is not UTF-8 (it is called after the signature check).
 * @internal
 */
export function callbackSource(input: unknown): CallbackSource {
  if (typeof input !== 'object' || input === null) {
    throw new CallbackSignatureError('malformed_request', 'verifyLiveCallback needs a Request or a { url, body } object');
  }
  if (isRequestLike(input)) {
    if (input.bodyUsed) {
      throw new CallbackSignatureError(
        'malformed_request',
        'The callback Request body was already read (bodyUsed is true), so its raw text is gone. Pass the Request ' +
          'to verifyLiveCallback before reading it (or pass request.clone()), or pass { url, body } with the text you read.',
      );
    }
    const request = input;
    return {
      url: request.url,
      async readBody() {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await request.arrayBuffer());
        } catch (error) {
          throw new CallbackSignatureError('malformed_body', 'The callback Request body could not be read', { cause: error });
        }
        return { bytes, text: exactText(bytes) };
      },
    };
  }
  const { url, body } = input as { url?: unknown; body?: unknown };
  if (typeof url !== 'string' && !(url instanceof URL)) {
    throw new CallbackSignatureError('malformed_request', 'The callback url must be a string or a URL, with its query');
  }
  // Bytes are copied now: the caller's buffer (a pooled Node Buffer, say) may change after this call.
  let readBody: () => CallbackBody;
  if (typeof body === 'string') readBody = () => ({ bytes: exactBytes(body), text: body });
  else if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    const bytes = body instanceof Uint8Array ? new Uint8Array(body) : new Uint8Array(body.slice(0));
    readBody = () => ({ bytes, text: exactText(bytes) });
  } else if (body === undefined || body === null) {
    throw new CallbackSignatureError(
      'malformed_request',
      'The callback has no body: pass the raw body as { url, body } (with Express, mount express.raw({ type: "*/*" }) on the route)',
    );
  } else throw new CallbackSignatureError('malformed_request', RE_SERIALIZED_BODY);
  return { url: String(url), readBody: async () => readBody() };
}
