import type { OutboundFetch } from '../env.js';
import type { CallbackEventMessage } from './callback-event-message.js';
import { postJson } from './post-json.js';

/** Per-attempt deadline of a forward, in ms. */
export const FORWARD_ATTEMPT_TIMEOUT_MS = 5000;

/** Waits before the 2nd, 3rd, … attempt, in ms. Five attempts within ~25 s, inside `waitUntil`'s 30 s. */
export const FORWARD_RETRY_DELAYS_MS: readonly number[] = [250, 1000, 3000, 7000];

/** How a forward ended. */
export type ForwardOutcome =
  | { readonly status: 'accepted'; readonly attempts: number }
  /** The target answered 4xx (not 408/429): it refuses this event, retrying will not help. */
  | { readonly status: 'refused'; readonly attempts: number; readonly httpStatus: number }
  /** Every attempt failed with a timeout, a network error, 408, 429 or 5xx. */
  | { readonly status: 'exhausted'; readonly attempts: number; readonly lastFailure: string };

/** Options of {@link forwardEvent}. */
export interface ForwardEventOptions {
  readonly fetch: OutboundFetch;
  readonly url: URL;
  readonly authorization: string | undefined;
  readonly attemptTimeoutMs?: number;
  readonly retryDelaysMs?: readonly number[];
}

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * POSTs an event to `FORWARD_URL` until the target accepts it (any 2xx) or refuses it (4xx other than 408 and
 * 429), retrying timeouts, network errors, 408, 429 and 5xx after {@link FORWARD_RETRY_DELAYS_MS}. The request
 * carries `x-tokenwire-event-id` (the event id, for deduplication) and `FORWARD_AUTHORIZATION` as
 * `Authorization` when set.
 */
export async function forwardEvent(message: CallbackEventMessage, options: ForwardEventOptions): Promise<ForwardOutcome> {
  const body = JSON.stringify(message);
  const headers: Record<string, string> = {
    'x-tokenwire-event-id': message.id,
    'x-tokenwire-callback-command': message.command,
    ...(options.authorization === undefined ? {} : { authorization: options.authorization }),
  };
  const delays = options.retryDelaysMs ?? FORWARD_RETRY_DELAYS_MS;
  let lastFailure = '';
  for (let attempt = 1; ; attempt++) {
    const result = await postJson(options.fetch, options.url, body, {
      timeoutMs: options.attemptTimeoutMs ?? FORWARD_ATTEMPT_TIMEOUT_MS,
      headers,
    });
    if (result.kind === 'response') {
      if (result.status >= 200 && result.status < 300) return { status: 'accepted', attempts: attempt };
      if (result.status >= 400 && result.status < 500 && result.status !== 408 && result.status !== 429) {
        return { status: 'refused', attempts: attempt, httpStatus: result.status };
      }
      lastFailure = `HTTP ${result.status}`;
    } else {
      lastFailure = result.kind === 'timeout' ? 'timeout' : `network error (${result.message})`;
    }
    const delay = delays[attempt - 1];
    if (delay === undefined) return { status: 'exhausted', attempts: attempt, lastFailure };
    await sleep(delay);
  }
}
