import type { RememberedAnswer, ReplayDecision } from './replay-guard.js';

/** One step asked of a {@link ReplayGuardObject}: a `ReplayGuard` method and its arguments, as JSON. */
export type ReplayGuardCommand =
  | { readonly op: 'decide'; readonly key: string; readonly claimExpiresAt: number; readonly nowSeconds: number }
  | { readonly op: 'settle'; readonly key: string; readonly answer: RememberedAnswer; readonly expiresAtSeconds: number }
  | { readonly op: 'release'; readonly key: string };

/** How often a {@link ReplayGuardObject} with entries wakes to delete the expired ones, in ms. */
export const REPLAY_GUARD_CLEANUP_INTERVAL_MS = 10 * 60 * 1000;

/** A key as stored: claimed (no `answer`) or answered, until `expiresAtSeconds` (Unix seconds). */
interface StoredEntry {
  readonly expiresAtSeconds: number;
  readonly answer?: RememberedAnswer;
}

/** The part of Cloudflare's `DurableObjectStorage` the object uses. */
interface ReplayGuardStorage {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(keys: string[]): Promise<number>;
  list<T>(): Promise<Map<string, T>>;
  getAlarm(): Promise<number | null>;
  setAlarm(scheduledTime: number): Promise<void>;
}

/**
 * The Durable Object behind the `REPLAY_GUARD` binding: one shard of the app's replay memory (the worker spreads
 * keys over shards by a hash of the key, `DurableReplayGuard`). Each command is one `POST` with a
 * {@link ReplayGuardCommand} body, answered with JSON (the {@link ReplayDecision} of `decide`). The entries live in
 * the object's storage, so they outlive restarts and evictions; the storage's input gate makes each read-then-write
 * atomic. An expired entry counts as absent at once and is deleted by an alarm every
 * {@link REPLAY_GUARD_CLEANUP_INTERVAL_MS} while the object holds entries.
 */
export class ReplayGuardObject {
  readonly #storage: ReplayGuardStorage;
  /** Whether an alarm is known to be scheduled (asked of the storage once per instance). */
  #alarmScheduled = false;

  constructor(state: { readonly storage: ReplayGuardStorage }) {
    this.#storage = state.storage;
  }

  /** Runs one {@link ReplayGuardCommand}. */
  async fetch(request: Request): Promise<Response> {
    const command = (await request.json()) as ReplayGuardCommand;
    const storage = this.#storage;
    const entry = await storage.get<StoredEntry>(command.key);
    let decision: ReplayDecision | undefined;
    if (command.op === 'decide') {
      if (entry !== undefined && entry.expiresAtSeconds >= command.nowSeconds)
        decision = entry.answer === undefined ? { state: 'in_progress' } : { state: 'answered', answer: entry.answer };
      else {
        await this.#put(command.key, { expiresAtSeconds: command.claimExpiresAt });
        decision = { state: 'claimed' };
      }
    } else if (command.op === 'settle')
      await this.#put(command.key, { expiresAtSeconds: command.expiresAtSeconds, answer: command.answer });
    else if (entry !== undefined && entry.answer === undefined) await storage.delete([command.key]);
    return Response.json(decision ?? {});
  }

  /** Deletes the expired entries; wakes again while entries are left. */
  async alarm(): Promise<void> {
    const nowSeconds = Date.now() / 1000;
    const entries = await this.#storage.list<StoredEntry>();
    const expired = [...entries].filter(([, entry]) => entry.expiresAtSeconds < nowSeconds).map(([key]) => key);
    // The storage deletes at most 128 keys per call.
    for (let start = 0; start < expired.length; start += 128) await this.#storage.delete(expired.slice(start, start + 128));
    this.#alarmScheduled = entries.size > expired.length;
    if (this.#alarmScheduled) await this.#storage.setAlarm(Date.now() + REPLAY_GUARD_CLEANUP_INTERVAL_MS);
  }

  async #put(key: string, entry: StoredEntry): Promise<void> {
    await this.#storage.put(key, entry);
    if (this.#alarmScheduled) return;
    if ((await this.#storage.getAlarm()) === null) await this.#storage.setAlarm(Date.now() + REPLAY_GUARD_CLEANUP_INTERVAL_MS);
    this.#alarmScheduled = true;
  }
}
