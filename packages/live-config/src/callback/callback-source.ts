import { CallbackSignatureError } from '@tokenwire/core';

/**
 * A callback as a URL and its raw body, for frameworks that do not hand you a web `Request` (Express with
 * `express.raw()`, Fastify, Koa…). `body` must be exactly what arrived: a string or bytes (a Node `Buffer` is a
 * `Uint8Array`), never a parsed object.
 */
export interface RawCallback {
  /** The request URL with its query; absolute or relative (`req.originalUrl`). */
  readonly url: string | URL;
  /** The raw body, as received. */
  readonly body: string | Uint8Array;
}

/** What `verifyLiveCallback` accepts: a web `Request` (Workers, Deno, Bun, Hono, Next) or a {@link RawCallback}. */
export type CallbackInput = Request | RawCallback;

/** The URL of a callback and a way to read its raw body, once. */
export interface CallbackSource {
  readonly url: string;
  readBody(): Promise<string>;
}

const RE_SERIALIZED_BODY =
  'The callback body must be the raw body as received (a string or a Uint8Array), not a parsed object. ' +
  'A parsed and re-serialized body is not what Tencent sent: integers beyond 2^53 (account and room ids) are ' +
  'already rounded. Read it raw — express.raw({ type: "*/*" }), or await request.text() — and pass { url, body }.';

function isRequestLike(input: object): input is Request {
  const candidate = input as Partial<Request>;
  return typeof candidate.text === 'function' && typeof candidate.bodyUsed === 'boolean' && typeof candidate.url === 'string';
}

/**
 * Checks what `verifyLiveCallback` was given, before any of it is used: a `Request` whose body is still unread,
 * or a `{ url, body }` pair with a raw body. Reading is deferred so an unauthentic callback is refused without
 * reading its body.
 *
 * @throws `CallbackSignatureError` `malformed_request` with a message saying what to pass instead; `readBody`
 *   throws `malformed_body` when the body cannot be read (it is called after the signature check).
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
        try {
          return await request.text();
        } catch (error) {
          throw new CallbackSignatureError('malformed_body', 'The callback Request body could not be read', { cause: error });
        }
      },
    };
  }
  const { url, body } = input as { url?: unknown; body?: unknown };
  if (typeof url !== 'string' && !(url instanceof URL)) {
    throw new CallbackSignatureError('malformed_request', 'The callback url must be a string or a URL, with its query');
  }
  let text: string;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) text = new TextDecoder().decode(body);
  else if (body instanceof ArrayBuffer) text = new TextDecoder().decode(new Uint8Array(body));
  else if (body === undefined || body === null) {
    throw new CallbackSignatureError(
      'malformed_request',
      'The callback has no body: pass the raw body as { url, body } (with Express, mount express.raw({ type: "*/*" }) on the route)',
    );
  } else throw new CallbackSignatureError('malformed_request', RE_SERIALIZED_BODY);
  return { url: String(url), readBody: () => Promise.resolve(text) };
}
