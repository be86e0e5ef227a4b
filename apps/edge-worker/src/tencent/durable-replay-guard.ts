import type { DurableObjectNamespaceLike } from '../env.js';
import type { RememberedAnswer, ReplayDecision, ReplayGuard } from './replay-guard.js';
import type { ReplayGuardCommand } from './replay-guard-object.js';

/** How many `ReplayGuardObject`s share the app's replay memory: keys are spread over them by a hash of the key. */
export const REPLAY_GUARD_SHARDS = 64;

/** The name of the `ReplayGuardObject` that holds `key`: `shard-<FNV-1a of the key mod REPLAY_GUARD_SHARDS>`. */
export function replayGuardShard(key: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return `shard-${(hash >>> 0) % REPLAY_GUARD_SHARDS}`;
}

/**
 * The app-wide {@link ReplayGuard}: the isolate's `memory` first (a key this isolate claimed or saw answered is
 * decided without a round trip), then the `ReplayGuardObject` shard of the key, which decides for every isolate
 * and location. A shard that cannot be reached makes the operation throw (the callback is answered FAIL and
 * redelivered), never a silent fall back to per-isolate memory.
 */
export class DurableReplayGuard implements ReplayGuard {
  readonly #namespace: DurableObjectNamespaceLike;
  readonly #memory: ReplayGuard;

  constructor(namespace: DurableObjectNamespaceLike, memory: ReplayGuard) {
    this.#namespace = namespace;
    this.#memory = memory;
  }

  async decide(key: string, claimExpiresAt: number, nowSeconds: number): Promise<ReplayDecision> {
    const local = await this.#memory.decide(key, claimExpiresAt, nowSeconds);
    if (local.state !== 'claimed') return local;
    try {
      const shared = (await this.#send({ op: 'decide', key, claimExpiresAt, nowSeconds })) as ReplayDecision;
      if (shared.state !== 'claimed') await this.#memory.release(key);
      return shared;
    } catch (error) {
      await this.#memory.release(key);
      throw error;
    }
  }

  async settle(key: string, answer: RememberedAnswer, expiresAtSeconds: number): Promise<void> {
    await this.#send({ op: 'settle', key, answer, expiresAtSeconds });
    await this.#memory.settle(key, answer, expiresAtSeconds);
  }

  async release(key: string): Promise<void> {
    try {
      await this.#send({ op: 'release', key });
    } finally {
      await this.#memory.release(key);
    }
  }

  async #send(command: ReplayGuardCommand): Promise<unknown> {
    const namespace = this.#namespace;
    const shard = namespace.get(namespace.idFromName(replayGuardShard(command.key)));
    const response = await shard.fetch('https://replay-guard/', { method: 'POST', body: JSON.stringify(command) });
    if (!response.ok) throw new Error(`the replay guard answered HTTP ${response.status}`);
    return response.json();
  }
}

/** The replay guard of a callback: a {@link DurableReplayGuard} over `memory` when `REPLAY_GUARD` is bound, else `memory`. */
export function replayGuardFor(namespace: DurableObjectNamespaceLike | undefined, memory: ReplayGuard): ReplayGuard {
  return namespace === undefined ? memory : new DurableReplayGuard(namespace, memory);
}
