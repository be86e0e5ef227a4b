import type { DownlinkMessage } from '@tokenwire/aicc-messaging';

interface Waiter {
  readonly predicate: (message: DownlinkMessage) => boolean;
  readonly resolve: (matched: boolean) => void;
}

/** A wait for a message: `matched` resolves true when one arrives, false on timeout, end or cancel. */
export interface MessageWait {
  readonly matched: Promise<boolean>;
  cancel(): void;
}

/**
 * The incoming side of a chat: every message received, in order, and waits for a message that matches (the
 * robot's reply, the agent joining). Register a wait before sending, so a fast reply cannot slip past it.
 */
export class ChatConversation {
  readonly received: DownlinkMessage[] = [];
  readonly #waiters = new Set<Waiter>();
  #ended = false;
  #offline = false;
  #lastReceivedAt = performance.now();

  /** Whether no more messages will come (the stream of incoming messages stopped). */
  get ended(): boolean {
    return this.#ended;
  }

  /** Whether AICC ended the session: a message with `isOfflineStatus` arrived. */
  get offline(): boolean {
    return this.#offline;
  }

  /** Records a message and settles the waits it matches. */
  receive(message: DownlinkMessage): void {
    this.received.push(message);
    this.#lastReceivedAt = performance.now();
    if (message.isOfflineStatus) this.#offline = true;
    for (const waiter of [...this.#waiters]) {
      if (waiter.predicate(message)) {
        this.#waiters.delete(waiter);
        waiter.resolve(true);
      }
    }
  }

  /** Marks the conversation over; pending waits resolve false. */
  end(): void {
    this.#ended = true;
    for (const waiter of this.#waiters) waiter.resolve(false);
    this.#waiters.clear();
  }

  /**
   * Resolves once no message has arrived for `quietMs` (a burst of answers is over), after at most `maxMs`, or
   * when the conversation ends.
   */
  async settle(quietMs: number, maxMs: number): Promise<void> {
    const deadline = performance.now() + maxMs;
    for (;;) {
      const now = performance.now();
      const quietUntil = this.#lastReceivedAt + quietMs;
      if (this.#ended || now >= quietUntil || now >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(quietUntil, deadline) - now));
    }
  }

  /** Waits up to `timeoutMs` for a message matching `predicate`. */
  waitFor(predicate: (message: DownlinkMessage) => boolean, timeoutMs: number): MessageWait {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waiter!: Waiter;
    const matched = new Promise<boolean>((resolve) => {
      waiter = {
        predicate,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
    });
    if (this.#ended) {
      waiter.resolve(false);
    } else {
      this.#waiters.add(waiter);
      timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        waiter.resolve(false);
      }, timeoutMs);
    }
    return {
      matched,
      cancel: () => {
        this.#waiters.delete(waiter);
        waiter.resolve(false);
      },
    };
  }
}
