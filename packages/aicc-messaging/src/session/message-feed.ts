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

/**
 * A session's polls, shared: every message a poll takes reaches every open reader. READ receipts come only with
 * polls that ask for them (`isNeedRead`), as AICC drops them for the others.
 *
 * @internal
 */
export interface MessageFeed {
  /** One poll (the session's `poll()`); its messages reach the open readers too. */
  poll(options: PollOptions | undefined): Promise<PollResult>;
  reader(): FeedReader;
}

/** Shares a session's polls among its readers (AICC hands each message to one poll only). @internal */
export function createMessageFeed(poll: (options: PollOptions | undefined) => Promise<PollResult>): MessageFeed {
  const readers = new Set<{ queue: DownlinkMessage[]; wake(): void }>();
  let underway: Promise<unknown> | undefined;

  async function share(options: PollOptions | undefined): Promise<PollResult> {
    const result = await poll(options);
    for (const reader of readers) {
      reader.queue.push(...result.messages);
      reader.wake();
    }
    return result;
  }

  return {
    poll: share,
    reader() {
      const reader = { queue: [] as DownlinkMessage[], wake() {} };
      readers.add(reader);
      return {
        async next(options) {
          const { signal } = options;
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
              // Until this reader is given messages, or the poll under way ends (then it polls itself).
              await new Promise<void>((resolve, reject) => {
                const aborted = () => reject(new RequestAbortedError('The wait for messages was aborted', { cause: signal?.reason }));
                if (signal?.aborted) aborted();
                signal?.addEventListener('abort', aborted);
                reader.wake = () => {
                  signal?.removeEventListener('abort', aborted);
                  resolve();
                };
                underway?.then(reader.wake);
              });
            }
          }
          return reader.queue.splice(0);
        },
        close: () => readers.delete(reader),
      };
    },
  };
}
