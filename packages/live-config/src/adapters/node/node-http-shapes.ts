/**
 * The parts of a Node request the callback handler uses — structurally, so the entry needs neither Node's types nor
 * Express's: `http.IncomingMessage` (`node:http`, Deno's and Bun's `node:http`) and Express 4's and 5's `Request`
 * all fit.
 */
export interface NodeCallbackRequest extends AsyncIterable<unknown> {
  /** The request target with its query (`node:http`); Express may rewrite it under a mount path. */
  readonly url?: string | undefined;
  /** Express: the request target as received, before mounting rewrote `url`. Read first when present. */
  readonly originalUrl?: string | undefined;
  /** Request headers (lower-case names); only `content-length` is read. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** True once the body stream has been read to its end — by a body parser, if not by this handler. */
  readonly readableEnded: boolean;
  /**
   * What a body parser left (Express). Bytes (`express.raw()`) or text (`express.text()`) are used as the raw body;
   * a parsed object is refused, since the raw body it came from is gone.
   */
  readonly body?: unknown;
}

/** The parts of a Node response the callback handler writes: `http.ServerResponse` and Express's `Response` fit. */
export interface NodeCallbackResponse {
  statusCode: number;
  /** True once the status line and headers went out. */
  readonly headersSent: boolean;
  /** Sets one response header (the handler sets `content-type`, and `connection: close` with a 413). */
  setHeader(name: string, value: string): unknown;
  /** Sends the body and ends the response. */
  end(body: string): unknown;
}

/** Express's `next`: called with the error the handler could not answer. */
export type NodeCallbackNext = (error?: unknown) => void;
