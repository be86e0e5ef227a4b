import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { WorkerHonoEnv } from '../worker-hono-env.js';

/**
 * How much of an oversized body is still read (and discarded) before answering 413. A server that answers while
 * the client is still uploading closes the connection, and browsers then report a network error instead of the
 * 413; reading a moderate excess lets them see the answer. Beyond it, the body is cancelled.
 */
export const OVERSIZED_BODY_DRAIN_BYTES = 1024 * 1024;

/** Reads and discards up to `budget` bytes, then cancels what is left. Never throws. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > budget) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
}

/** A stream that reads `reader` only when pulled (no read-ahead), so what it did not pull can still be drained. */
function pulledFrom(reader: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * Middleware: `hono/body-limit` with the refused body drained. A body over `maxBytes(c)` is answered with
 * `refuse(limit)` (413) — after reading on, and discarding, up to {@link OVERSIZED_BODY_DRAIN_BYTES} of what the
 * sender is still uploading; a declared `Content-Length` beyond that is refused unread and cancelled. Memory
 * stays within the limit: hono/body-limit buffers a body of unknown length up to it, a declared length within it
 * is left to HTTP framing.
 */
export function drainingBodyLimit(
  maxBytes: (c: Context<WorkerHonoEnv>) => number,
  refuse: (limit: number) => Response,
): MiddlewareHandler<WorkerHonoEnv> {
  return async (c, next) => {
    const request = c.req.raw;
    if (request.body === null) return next();
    const limit = maxBytes(c);
    let source: ReadableStreamDefaultReader<Uint8Array> | undefined;
    // hono/body-limit counts a body without a Content-Length itself and stops reading past the limit, holding its
    // reader: hand it a stream pulled from a reader of ours, which then drains the rest.
    if (!request.headers.has('content-length') || request.headers.has('transfer-encoding')) {
      source = request.body.getReader();
      c.req.raw = new Request(request, { body: pulledFrom(source), duplex: 'half' } as RequestInit);
    }
    const limited = bodyLimit({
      maxSize: limit,
      onError: async () => {
        if (source !== undefined) await drain(source, OVERSIZED_BODY_DRAIN_BYTES);
        else {
          const declared = Number(request.headers.get('content-length'));
          const reader = request.body!.getReader();
          if (declared > limit + OVERSIZED_BODY_DRAIN_BYTES) await reader.cancel().catch(() => undefined);
          else await drain(reader, limit + OVERSIZED_BODY_DRAIN_BYTES);
        }
        return refuse(limit);
      },
    });
    return limited(c, next);
  };
}
