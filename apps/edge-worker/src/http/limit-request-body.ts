/** A request whose body stops at a size limit, and whether the limit was hit. */
export interface LimitedRequest {
  readonly request: Request;
  /** True once the body has been read past the limit (the read then failed). */
  exceeded(): boolean;
}

/**
 * Wraps a request so that reading its body fails after `maxBytes`, however the body is sent (`Content-Length`
 * can be absent with chunked encoding; a declared length above the limit is refused by the caller before this). Nothing is read until the consumer reads, so a handler that refuses the
 * request first (a bad signature) never touches the body.
 */
export function limitRequestBody(request: Request, maxBytes: number): LimitedRequest {
  if (request.body === null) return { request, exceeded: () => false };
  // A declared length within the limit is enforced by HTTP framing itself: no need to count (streams cost CPU).
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) <= maxBytes) return { request, exceeded: () => false };
  let total = 0;
  let exceeded = false;
  const limiter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        exceeded = true;
        controller.error(new RangeError(`the body is larger than ${maxBytes} bytes`));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  const init: RequestInit & { duplex: 'half' } = {
    method: request.method,
    headers: request.headers,
    body: request.body.pipeThrough(limiter),
    duplex: 'half',
  };
  return { request: new Request(request.url, init), exceeded: () => exceeded };
}
