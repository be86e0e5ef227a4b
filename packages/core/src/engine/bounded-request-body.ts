/**
 * How much of a refused body is still read (and discarded) before answering, at most: a server that answers while
 * the client is still uploading closes the connection, and browsers then report a network error instead of the
 * answer; reading a moderate rest lets them see it. Beyond it — or {@link DISCARD_WITHIN_MS} — the body is cancelled.
 *
 * @internal
 */
export const DISCARD_MAX_BYTES = 1_048_576; // 1 MiB, a literal: bundles that do not use it drop it

/**
 * How long a refused body is still read (and discarded) at most, in ms (and never past the body's own deadline).
 *
 * @internal
 */
export const DISCARD_WITHIN_MS = 2000;

/**
 * Why a {@link BoundedBody} stopped before the body's end.
 *
 * @internal
 */
export type BodyBoundFailure = 'too_large' | 'too_slow';

// A request body read under a size limit and a deadline, for the servers tokenwire ships: the AICC gateway
// (`@tokenwire/aicc-messaging/gateway`) and the edge worker's callback route share this one reader.

/**
 * The bounds of a request body.
 *
 * @internal
 */
export interface BodyBounds {
  /** Largest body accepted, in bytes. */
  readonly maxBytes: number;
  /** How long the whole body may take to arrive, in ms from the request. */
  readonly deadlineMs: number;
}

/**
 * A request body read under a size limit and a deadline.
 *
 * @internal
 */
export interface BoundedBody {
  /** The request, its body one that errors past the limit or the deadline (made on first use; read it or {@link readChunk}). */
  readonly request: Request;
  /** Why the body was cut off, once it was; `undefined` while it is within its bounds. */
  readonly failure: BodyBoundFailure | undefined;
  /** The next chunk, or `undefined` at the end; rejects (and sets {@link failure}) past the limit or the deadline. */
  readChunk(): Promise<Uint8Array | undefined>;
  /**
   * Reads on and discards what is left of the body — until its end, {@link DISCARD_MAX_BYTES} more, the body's
   * deadline or {@link DISCARD_WITHIN_MS}, whichever comes first — then cancels the rest. Resolves to whether the
   * body was read to its end (when not, answer with `connection: close`: the sender may still be uploading). Never
   * rejects.
   */
  discardRest(): Promise<boolean>;
}

/** What reading the body gave: a chunk, its end, or its cut-off (the deadline passed, the sender broke it off). */
type Read = Uint8Array | 'end' | 'cut';

/**
 * Bounds the body of `request`: at most `maxBytes`, all of it within `deadlineMs` of this call (a timer, so it
 * holds whatever the sender does — a body trickled one byte at a time included). Reading past either bound fails
 * ({@link BoundedBody.failure} says which); what is left can then be discarded, within the same deadline. The body
 * is read only when asked: nothing is buffered ahead.
 *
 * @internal
 * @example
 * ```ts
 * const bounded = boundBody(request, { maxBytes: 1024 * 1024, deadlineMs: 2000 });
 * const text = await bounded.request.text().catch(() => undefined); // undefined: bounded.failure says why
 * ```
 */
export function boundBody(request: Request, bounds: BodyBounds): BoundedBody {
  const reader = request.body?.getReader();
  let failure: BodyBoundFailure | undefined;
  let state: 'reading' | 'end' | 'cut' = reader === undefined ? 'end' : 'reading';
  let received = 0;
  const stop = (reached: 'end' | 'cut'): Read => {
    if (state === 'reading') {
      state = reached;
      clearTimeout(timer);
      // Cancelling ends a read in progress at once (it resolves as done), whatever the sender does.
      if (reached === 'cut') void reader?.cancel().catch(() => undefined);
    }
    return reached;
  };
  const cut = (): void => void stop('cut');
  const timer = reader === undefined ? undefined : setTimeout(cut, bounds.deadlineMs);
  // No Promise.race with a timer promise here: each race would keep its chunk reachable from that promise until the
  // deadline, holding the whole body in memory (measured in workerd: about twice each upload).
  const next = async (): Promise<Read> => {
    if (reader === undefined || state !== 'reading') return state === 'cut' ? 'cut' : 'end';
    try {
      const read = await reader.read();
      if (state !== 'reading') return 'cut';
      return read.done ? stop('end') : read.value;
    } catch {
      return stop('cut'); // the sender broke the body off: as good as never finishing it
    }
  };
  const readChunk = async (): Promise<Uint8Array | undefined> => {
    const read = await next();
    if (read === 'end') return undefined;
    if (read !== 'cut') received += read.byteLength;
    if (read === 'cut' || received > bounds.maxBytes) {
      failure ??= read === 'cut' ? 'too_slow' : 'too_large';
      throw new RangeError(`The request body is ${failure === 'too_slow' ? 'too slow' : 'too large'}`);
    }
    return read;
  };

  let bounded: Request | undefined;
  return {
    get request() {
      bounded ??= new Request(request, {
        body:
          reader === undefined
            ? null
            : new ReadableStream<Uint8Array>(
                {
                  async pull(controller) {
                    const chunk = await readChunk();
                    if (chunk === undefined) controller.close();
                    else controller.enqueue(chunk);
                  },
                  cancel: cut, // what is left can no longer be read
                },
                { highWaterMark: 0 },
              ),
        duplex: 'half',
      } as RequestInit);
      return bounded;
    },
    get failure() {
      return failure;
    },
    readChunk,
    async discardRest() {
      const grace = setTimeout(cut, DISCARD_WITHIN_MS);
      let discarded = 0;
      let read: Read;
      do {
        read = await next();
        if (typeof read !== 'string') discarded += read.byteLength;
      } while (typeof read !== 'string' && discarded <= DISCARD_MAX_BYTES);
      clearTimeout(grace);
      return stop(read === 'end' ? 'end' : 'cut') === 'end';
    },
  };
}

/**
 * Finishes a request answered without reading (all of) its body: discards what is left of it (briefly: see
 * {@link BoundedBody.discardRest}) and adds `connection: close` when the sender was still uploading, so it cannot
 * hold the connection by trickling the rest.
 *
 * @internal
 */
export async function answerUnread(body: BoundedBody, response: Response): Promise<Response> {
  if (!(await body.discardRest())) response.headers.set('connection', 'close');
  return response;
}
