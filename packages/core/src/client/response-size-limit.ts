import { ValidationError } from '../errors/validation-error.js';

/** A body read in progress under a {@link ResponseSizeLimit}, and a way to stop it. */
export interface BoundedBodyRead {
  /** The body as UTF-8 text, or `undefined` when it is larger than the limit (the rest was cancelled unread). */
  readonly text: Promise<string | undefined>;
  /** Stops reading and cancels the rest of the body (an interrupted attempt). Safe to call at any time. */
  cancel(): void;
}

/**
 * A cap on the size of a response body, for the request engine's `EngineCall.responseSizeLimit`; make one with
 * {@link limitResponseSize}. It is an object rather than a number so that callers without a limit (the Tencent
 * client) do not bundle the bounded reader.
 */
export interface ResponseSizeLimit {
  /** The largest body accepted, in bytes as received. */
  readonly maxBytes: number;
  /** Starts reading the body of `response` within the limit. */
  read(response: Response): BoundedBodyRead;
}

/** A read that has already given up: the body was announced too large and is cancelled unread. */
function refuse(body: ReadableStream<Uint8Array> | null): BoundedBodyRead {
  body?.cancel().then(undefined, () => undefined);
  return { text: Promise.resolve(undefined), cancel: () => undefined };
}

/** Reads `body` as UTF-8 text (as `Response.text()` does), counting bytes and giving up past `maxBytes`. */
function readWithin(body: ReadableStream<Uint8Array> | null, maxBytes: number): BoundedBodyRead {
  const reader = body?.getReader();
  const cancel = (): void => {
    reader?.cancel().then(undefined, () => undefined);
  };
  const read = async (): Promise<string | undefined> => {
    if (reader === undefined) return '';
    const decoder = new TextDecoder();
    let text = '';
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      received += value.byteLength;
      if (received > maxBytes) {
        cancel();
        return undefined;
      }
      text += decoder.decode(value, { stream: true });
    }
  };
  return { text: read(), cancel };
}

/**
 * A limit of `maxBytes` on a response body: a body that `Content-Length` announces larger is refused unread,
 * any other is counted as it arrives and cancelled as soon as it passes the limit, so an oversized answer is
 * never held in memory whole. The request engine turns a refused 2xx body into a `ResponseTooLargeError`.
 *
 * @throws {@link ValidationError} unless `maxBytes` is a whole number from 0 to `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * await engine.send({ ...call, responseSizeLimit: limitResponseSize(4 * 1024 * 1024) });
 * ```
 */
export function limitResponseSize(maxBytes: number): ResponseSizeLimit {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new ValidationError('response size limit', [{ path: 'maxBytes', message: 'must be a whole number of bytes' }]);
  }
  return {
    maxBytes,
    read: (response) =>
      Number(response.headers.get('content-length')) > maxBytes ? refuse(response.body) : readWithin(response.body, maxBytes),
  };
}
