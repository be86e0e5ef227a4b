/**
 * A final answer the callback route gave, as a {@link ReplayGuard} remembers it to give it again: always HTTP 200
 * with `ActionStatus` `OK` — `ErrorCode` 0 (accepted, a gift allowed) or the refusal's code and `ErrorInfo` (a gift
 * blocked). FAIL answers are never remembered: they release the callback instead.
 */
export interface RememberedAnswer {
  readonly errorCode: number;
  readonly errorInfo: string;
}

/** What a {@link ReplayGuard} knows about a callback key when asked. */
export type ReplayDecision =
  /** Not seen (or released, or expired): the key is now claimed by the caller, which must settle or release it. */
  | { readonly state: 'claimed' }
  /** Claimed by another request that has not settled it yet. */
  | { readonly state: 'in_progress' }
  /** Answered before: answer the same, without delivering again. */
  | { readonly state: 'answered'; readonly answer: RememberedAnswer };

/**
 * The memory of the callbacks the worker processes, so a callback is delivered once and an exact repeat (a replay,
 * a redelivery) gets the answer the first one got. Keys are opaque strings chosen by the callback route; times are
 * Unix seconds. Every operation is one atomic step on the store, so an implementation may live outside the isolate
 * (a Durable Object, a database): the default is {@link MemoryReplayGuard}, per isolate.
 */
export interface ReplayGuard {
  /**
   * Claims `key` unless it is claimed or answered: `claimed` (now the caller's until `claimExpiresAt`, when it is
   * released by itself if the caller never settles it — an isolate that died), `in_progress`, or `answered`.
   */
  decide(key: string, claimExpiresAt: number, nowSeconds: number): Promise<ReplayDecision>;
  /** Records the final answer of a claimed key, kept until `expiresAtSeconds`. */
  settle(key: string, answer: RememberedAnswer, expiresAtSeconds: number): Promise<void>;
  /** Releases a claimed key (its processing failed; a redelivery is processed afresh). An answered key stays answered. */
  release(key: string): Promise<void>;
}
