/** Default number of remembered callbacks per isolate (~15 MB at most; evicts the oldest beyond it). */
export const DEFAULT_REPLAY_GUARD_CAPACITY = 50_000;

/**
 * Remembers the callbacks an isolate accepted while they are still fresh, to refuse the same request sent again.
 *
 * Tencent's `Sign` covers only the token and `RequestTime`, so every callback signed in the same second carries the
 * same `Sign`; a replay is told apart from a second genuine callback by its body. The callback route's key is
 * therefore `RequestTime`, `Sign` and the event id (SHA-256 of the body's canonical JSON, so a re-formatted body is
 * the same key). A different body on the same signed URL is a different key: it cannot be told from Tencent's own
 * second callback of that second. An entry lives until its `RequestTime` is older than the freshness tolerance —
 * after that `verifyLiveCallback` refuses the request as stale anyway.
 *
 * The memory is per isolate: a replay that lands on another isolate (another Cloudflare location, or after an
 * eviction) is not recognised. Receivers of the events deduplicate by the event `id` for that reason.
 */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();
  readonly #toleranceSeconds: number;
  readonly #capacity: number;

  constructor(options: { readonly toleranceSeconds: number; readonly capacity?: number }) {
    this.#toleranceSeconds = options.toleranceSeconds;
    this.#capacity = options.capacity ?? DEFAULT_REPLAY_GUARD_CAPACITY;
  }

  /** How many callbacks are remembered now. */
  get size(): number {
    return this.#seen.size;
  }

  /**
   * Records `key` (a callback with `requestTime` in Unix seconds) and returns `true`, or returns `false` when the
   * same key was recorded before and is still fresh: a replay.
   */
  remember(key: string, requestTime: number, nowSeconds: number): boolean {
    this.#prune(nowSeconds);
    const expiresAt = this.#seen.get(key);
    if (expiresAt !== undefined && expiresAt >= nowSeconds) return false;
    this.#seen.delete(key);
    this.#seen.set(key, requestTime + this.#toleranceSeconds);
    while (this.#seen.size > this.#capacity) this.#seen.delete(this.#seen.keys().next().value!);
    return true;
  }

  /**
   * Forgets `key`, so Tencent may deliver that callback again: only after the worker answered `FAIL` (it could not
   * process the callback), never after a refusal (`OK` with a non-zero `ErrorCode`), which is a final answer.
   */
  forget(key: string): void {
    this.#seen.delete(key);
  }

  /** Drops expired entries from the oldest end; stops at the first live one (amortised O(1) per call). */
  #prune(nowSeconds: number): void {
    for (const [key, expiresAt] of this.#seen) {
      if (expiresAt >= nowSeconds) return;
      this.#seen.delete(key);
    }
  }
}
