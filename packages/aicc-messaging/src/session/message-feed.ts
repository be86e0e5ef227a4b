import { RequestAbortedError } from '@tokenwire/core';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import type { PollOptions, PollResult } from './poll-messages.js';

/** One consumer of a session's messages — a `messages()` loop or an `ask()` — open until it closes. @internal */
export interface FeedReader {
  /**
   * The messages polled for the session since the last call, whoever polled them: this reader's own poll when no
   * reader's poll is under way, else the one under way (so two readers never take each other's messages). Rejects
   * with the poll's error, or with `RequestAbortedError` when `options.signal` aborts.
   */
  next(options: PollOptions): Promise<readonly DownlinkMessage[]>;
  close(): void;
}

/** A session's polls, shared: every message a poll takes reaches every open reader. @internal */
export interface MessageFeed {
  /** One poll (the session's `poll()`); its messages reach the open readers too. */
  poll(options: PollOptions | undefined): Promise<PollResult>;
  /** Opens a reader; `receipts`: it wants READ receipts (`isNeedRead`). */
  reader(receipts: boolean): FeedReader;
}

interface Reader {
  readonly receipts: boolean;
  readonly queue: DownlinkMessage[];
  wake(): void;
}

const notReceipt = (message: DownlinkMessage): boolean => message.controlType !== 'READ';

/**
 * Shares a session's polls among its readers. AICC hands each message to one poll only, so a poll asks for READ
 * receipts when any open reader wants them; a reader (or the `poll()` caller) that did not ask for them does not get
 * the receipts another one asked for.
 *
 * @internal
 */
export function createMessageFeed(poll: (options: PollOptions | undefined) => Promise<PollResult>): MessageFeed {
  const readers = new Set<Reader>();
  let underway: Promise<unknown> | undefined;

  async function share(options: PollOptions | undefined): Promise<PollResult> {
    const asked = options?.isNeedRead === true;
    const added = !asked && [...readers].some((reader) => reader.receipts);
    const result = await poll(added ? { ...options, isNeedRead: true } : options);
    const { messages } = result;
    for (const reader of readers) {
      reader.queue.push(...((asked || added) && !reader.receipts ? messages.filter(notReceipt) : messages));
      reader.wake();
    }
    return added ? { ...result, messages: messages.filter(notReceipt) } : result;
  }

  return {
    poll: share,
    reader(receipts) {
      const reader: Reader = { receipts, queue: [], wake: () => undefined };
      readers.add(reader);
      return {
        async next(options) {
          while (reader.queue.length === 0) {
            if (underway === undefined) {
              const own = share(options);
              underway = own.catch(() => undefined);
              try {
                await own;
              } finally {
                underway = undefined;
              }
            } else {
              await waitFor(reader, underway, options.signal);
            }
          }
          return reader.queue.splice(0);
        },
        close: () => readers.delete(reader),
      };
    },
  };
}

/** Waits until the reader is given messages or the poll under way ends; rejects when `signal` aborts. */
function waitFor(reader: Reader, underway: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): void =>
      reject(new RequestAbortedError('The wait for messages was aborted by the caller', { cause: signal?.reason }));
    if (signal?.aborted) return aborted();
    const done = (): void => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    reader.wake = done;
    underway.then(done);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
