import { TokenwireError, type TokenwireErrorOptions } from './tokenwire-error.js';

/*
 * The failures of moving bytes, as opposed to the service saying no. They share one file because they are one
 * concept: the ways an HTTP exchange can fail before a valid answer is read.
 */

/**
 * The request never got an HTTP answer: DNS, refused or dropped connection. Retryable. The message names the host
 * (never the URL's path or query, which carry the UserSig) and, where the runtime tells, the cause:
 * `Network error calling live_config/get_callback at 127.0.0.1:8080: TypeError: fetch failed (ECONNREFUSED 127.0.0.1:8080)`.
 */
export class NetworkError extends TokenwireError {
  constructor(message: string, options: TokenwireErrorOptions = {}) {
    super(message, { ...options, retryable: options.retryable ?? true });
    this.brand('NetworkError');
  }
  /** True when `value` is a {@link NetworkError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is NetworkError {
    return TokenwireError.hasBrand(value, 'NetworkError');
  }
}

/** No complete answer (headers and body) arrived within the timeout. Retryable. */
export class TimeoutError extends TokenwireError {
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number, options: TokenwireErrorOptions = {}) {
    super(message, { ...options, retryable: options.retryable ?? true });
    this.timeoutMs = timeoutMs;
    this.brand('TimeoutError');
  }
  /** True when `value` is a {@link TimeoutError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is TimeoutError {
    return TokenwireError.hasBrand(value, 'TimeoutError');
  }
}

/** The server answered with a non-2xx HTTP status (e.g. a 502 from a gateway). Retryable for 5xx. */
export class HttpStatusError extends TokenwireError {
  constructor(message: string, options: TokenwireErrorOptions & { status: number }) {
    super(message, { ...options, retryable: options.retryable ?? options.status >= 500 });
    this.brand('HttpStatusError');
  }
  /** True when `value` is an {@link HttpStatusError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is HttpStatusError {
    return TokenwireError.hasBrand(value, 'HttpStatusError');
  }
}

/** The server answered 2xx but the body is not the JSON shape the protocol promises. Retryable. */
export class MalformedResponseError extends TokenwireError {
  constructor(message: string, options: TokenwireErrorOptions = {}) {
    super(message, { ...options, retryable: options.retryable ?? true });
    this.brand('MalformedResponseError');
  }
  /** True when `value` is a {@link MalformedResponseError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is MalformedResponseError {
    return TokenwireError.hasBrand(value, 'MalformedResponseError');
  }
}

/**
 * The answer's body is larger than the caller allowed (the transport's `responseSizeLimit`): announced by
 * `Content-Length` or counted while reading, which then stopped. Never retryable: the same request gets the same
 * answer. The message names the limit, never the body.
 */
export class ResponseTooLargeError extends TokenwireError {
  /** The limit that was exceeded, in bytes. */
  readonly maxBytes: number;
  constructor(message: string, maxBytes: number, options: TokenwireErrorOptions = {}) {
    super(message, { ...options, retryable: false });
    this.maxBytes = maxBytes;
    this.brand('ResponseTooLargeError');
  }
  /** True when `value` is a {@link ResponseTooLargeError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is ResponseTooLargeError {
    return TokenwireError.hasBrand(value, 'ResponseTooLargeError');
  }
}

/** The caller aborted the operation through its `AbortSignal`. `cause` is the signal's reason. Not retryable. */
export class RequestAbortedError extends TokenwireError {
  constructor(message: string, options: TokenwireErrorOptions = {}) {
    super(message, { ...options, retryable: false });
    this.brand('RequestAbortedError');
  }
  /** True when `value` is a {@link RequestAbortedError} from any copy of tokenwire. */
  static override isInstance(value: unknown): value is RequestAbortedError {
    return TokenwireError.hasBrand(value, 'RequestAbortedError');
  }
}
