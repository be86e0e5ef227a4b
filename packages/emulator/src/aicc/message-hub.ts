import type { ChatHistoryMessage, DownlinkMessage } from './chat-message.js';

/** What a long poll waits with. */
export interface WaitForMessagesOptions {
  /** How long to hold the request when nothing is queued, in ms. */
  readonly holdMs: number;
  /** Whether READ receipts are wanted (`isNeedRead=true`); otherwise they are dropped. */
  readonly includeReadReceipts: boolean;
  /** The request's signal: aborting it ends the wait with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The per-user downlink queues of the emulated AICC and the long polls waiting on them. A message delivered to a
 * user is kept until one `poll` takes it; polls waiting for that user wake up at once.
 */
export interface MessageHub {
  /** Queues a downlink message for its recipient (`message.to`), records it in the history and wakes the user's polls. */
  deliver(message: DownlinkMessage): void;
  /** Records a message in a user's history without queueing it (messages the user sent). */
  record(userId: string, message: ChatHistoryMessage): void;
  /** Takes every queued message of a user (READ receipts only when asked for; otherwise they are dropped). */
  take(userId: string, includeReadReceipts: boolean): DownlinkMessage[];
  /**
   * Resolves with the user's queued messages as soon as there are any, or with `[]` once `holdMs` has passed.
   * Rejects with the signal's reason when the signal aborts first.
   */
  waitForMessages(userId: string, options: WaitForMessagesOptions): Promise<DownlinkMessage[]>;
  /** Ends every waiting poll with `[]` (used when the service is closed). */
  releaseAll(): void;
  /** How many polls are waiting right now. */
  readonly waitingPolls: number;
}

/** Creates a message hub over the state's `pendingMessages` and `messages` maps. */
export function createMessageHub(pendingMessages: Map<string, DownlinkMessage[]>, history: Map<string, ChatHistoryMessage[]>): MessageHub {
  const waiters = new Map<string, Set<() => void>>();
  const releasers = new Set<() => void>();

  function take(userId: string, includeReadReceipts: boolean): DownlinkMessage[] {
    const queue = pendingMessages.get(userId);
    if (queue === undefined || queue.length === 0) return [];
    pendingMessages.set(userId, []);
    return includeReadReceipts ? queue : queue.filter((message) => message.controlType !== 'READ');
  }

  function record(userId: string, message: ChatHistoryMessage): void {
    const list = history.get(userId);
    if (list === undefined) history.set(userId, [message]);
    else list.push(message);
  }

  return {
    deliver(message) {
      const queue = pendingMessages.get(message.to);
      if (queue === undefined) pendingMessages.set(message.to, [message]);
      else queue.push(message);
      if (message.controlType !== 'READ') record(message.to, message);
      for (const wake of [...(waiters.get(message.to) ?? [])]) wake();
    },
    record,
    take,
    waitForMessages(userId, options) {
      return new Promise<DownlinkMessage[]>((resolve, reject) => {
        const { signal } = options;
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const immediate = take(userId, options.includeReadReceipts);
        if (immediate.length > 0) {
          resolve(immediate);
          return;
        }
        let userWaiters = waiters.get(userId);
        if (userWaiters === undefined) {
          userWaiters = new Set();
          waiters.set(userId, userWaiters);
        }
        const finish = (): void => {
          clearTimeout(timer);
          userWaiters.delete(wake);
          if (userWaiters.size === 0) waiters.delete(userId);
          releasers.delete(release);
          signal?.removeEventListener('abort', onAbort);
        };
        const wake = (): void => {
          const messages = take(userId, options.includeReadReceipts);
          if (messages.length === 0) return;
          finish();
          resolve(messages);
        };
        const release = (): void => {
          finish();
          resolve([]);
        };
        const onAbort = (): void => {
          finish();
          reject(abortReason(signal!));
        };
        const timer = setTimeout(release, options.holdMs);
        userWaiters.add(wake);
        releasers.add(release);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    releaseAll() {
      for (const release of [...releasers]) release();
    },
    get waitingPolls() {
      return releasers.size;
    },
  };
}

/** The reason a signal aborted with, or a standard `AbortError` when it has none. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
