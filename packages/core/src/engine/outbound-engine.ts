import { createRequestEngine, type RequestEngine } from './request-engine.js';

/**
 * What a caller of {@link outboundEngine} may change about the attempts.
 *
 * @internal
 */
export interface OutboundEngineOptions {
  /**
   * The body to send instead of the call's text (core's engine takes only text): the engine gets a placeholder and
   * this stream goes out. A stream is read once, so such a call must not be repeated (no retries).
   */
  readonly bodyStream?: ReadableStream<Uint8Array> | undefined;
  /**
   * Reads each attempt's answer before the engine does, under the attempt's `signal` (its deadline, and the
   * caller's), and returns the response the engine reads instead — the AICC relay reads the body itself, within the
   * deadline, to pass it on byte for byte.
   */
  readonly readAnswer?: ((response: Response, signal: AbortSignal | undefined) => Promise<Response>) | undefined;
}

/**
 * The request engine (ky: attempts, retries with backoff and `Retry-After`, per-attempt timeouts over the headers
 * and the whole body, refused redirects, response size limits) sending through a server's outbound `fetch` — a
 * function of a `Request`, as a worker's service binding or a test's fake is: the edge worker's forwards and
 * decisions, and the AICC gateway's relay.
 *
 * @internal
 */
export function outboundEngine(fetch: (request: Request) => Promise<Response>, options: OutboundEngineOptions = {}): RequestEngine {
  const { bodyStream, readAnswer } = options;
  return createRequestEngine({
    fetch: async (input, init) => {
      const request = new Request(input, bodyStream === undefined ? init : ({ ...init, body: bodyStream, duplex: 'half' } as RequestInit));
      const response = await fetch(request);
      return readAnswer === undefined ? response : readAnswer(response, init?.signal ?? undefined);
    },
  });
}
