import type { RememberedAnswer, ReplayDecision, ReplayGuard } from './replay-guard.js';

/** Default number of remembered callbacks per isolate (a few MB at most; evicts the oldest beyond it). */
export const DEFAULT_REPLAY_GUARD_CAPACITY = 50_000;

interface Entry {
  readonly expiresAtSeconds: number;
  /** `undefined` while claimed. */
  readonly answer: RememberedAnswer | undefined;
}

const CLAIMED: ReplayDecision = { state: 'claimed' };
const IN_PROGRESS: ReplayDecision = { state: 'in_progress' };

/**
 * The {@link ReplayGuard} of one isolate: a map in insertion order, entries dropped once expired and the oldest
 * evicted beyond `capacity`. A repeat that lands on another isolate (another Cloudflare location, after an
 * eviction or a restart) is not recognised: receivers deduplicate by the event `id` for that reason.
 */
export class MemoryReplayGuard implements ReplayGuard {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;

  constructor(options: { readonly capacity?: number } = {}) {
    this.#capacity = options.capacity ?? DEFAULT_REPLAY_GUARD_CAPACITY;
  }

  /** How many callbacks are remembered now (claimed or answered, expired ones not yet dropped included). */
  get size(): number {
    return this.#entries.size;
  }

  async decide(key: string, claimExpiresAt: number, nowSeconds: number): Promise<ReplayDecision> {
    this.#prune(nowSeconds);
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.expiresAtSeconds >= nowSeconds)
      return entry.answer === undefined ? IN_PROGRESS : { state: 'answered', answer: entry.answer };
    this.#put(key, { expiresAtSeconds: claimExpiresAt, answer: undefined });
    return CLAIMED;
  }

  async settle(key: string, answer: RememberedAnswer, expiresAtSeconds: number): Promise<void> {
    this.#put(key, { expiresAtSeconds, answer });
  }

  async release(key: string): Promise<void> {
    if (this.#entries.get(key)?.answer === undefined) this.#entries.delete(key);
  }

  /** Stores `entry` as the newest, evicting the oldest beyond the capacity. */
  #put(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Drops expired entries from the oldest end; stops at the first live one (amortised O(1) per call). */
  #prune(nowSeconds: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAtSeconds >= nowSeconds) return;
      this.#entries.delete(key);
    }
  }
}
