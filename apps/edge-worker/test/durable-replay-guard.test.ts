// DurableReplayGuard in front of ReplayGuardObjects, in Node over an in-memory storage: the shards, the memory as
// first check, the failure path and the expiry alarm. (Workerd with real Durable Object storage: the .workerd test.)
import { describe, expect, it, vi } from 'vitest';
import type { DurableObjectNamespaceLike } from '../src/env.js';
import { DurableReplayGuard, REPLAY_GUARD_SHARDS, replayGuardShard } from '../src/tencent/durable-replay-guard.js';
import { MemoryReplayGuard } from '../src/tencent/memory-replay-guard.js';
import { REPLAY_GUARD_CLEANUP_INTERVAL_MS, ReplayGuardObject } from '../src/tencent/replay-guard-object.js';

const NOW = 1_700_000_000;
const ACCEPTED = { errorCode: 0, errorInfo: '' };

/** Durable Object storage as a Map, with one alarm. */
function memoryStorage() {
  const entries = new Map<string, unknown>();
  let alarm: number | null = null;
  return {
    entries,
    get alarm() {
      return alarm;
    },
    get: async <T>(key: string) => entries.get(key) as T | undefined,
    put: async (key: string, value: unknown) => {
      entries.set(key, structuredClone(value));
    },
    delete: async (keys: string[]) => keys.filter((key) => entries.delete(key)).length,
    list: async <T>() => new Map(entries) as Map<string, T>,
    getAlarm: async () => alarm,
    setAlarm: async (time: number) => {
      alarm = time;
    },
  };
}

/** A namespace whose objects live as long as the test; `down` makes every call fail as an unreachable object. */
function namespace(options: { down?: boolean } = {}) {
  const objects = new Map<string, { object: ReplayGuardObject; storage: ReturnType<typeof memoryStorage> }>();
  const binding: DurableObjectNamespaceLike = {
    idFromName: (name) => ({ name }),
    get: (id) => ({
      fetch: async (_url, init) => {
        if (options.down) throw new Error('Durable Object is overloaded');
        const name = (id as { name: string }).name;
        if (!objects.has(name)) {
          const storage = memoryStorage();
          objects.set(name, { object: new ReplayGuardObject({ storage }), storage });
        }
        return objects.get(name)!.object.fetch(new Request('https://replay-guard/', init));
      },
    }),
  };
  return { binding, objects };
}

describe('replayGuardShard', () => {
  it('spreads keys over all the shards, the same key always to the same one', () => {
    const shards = new Set(Array.from({ length: 5000 }, (_, index) => replayGuardShard(`event:${index.toString(16)}`)));
    expect(shards.size).toBe(REPLAY_GUARD_SHARDS);
    expect(replayGuardShard('event:abc')).toBe(replayGuardShard('event:abc'));
  });
});

describe('DurableReplayGuard', () => {
  it('decides for every isolate: a key claimed or answered through one isolate is known to another', async () => {
    const { binding } = namespace();
    const first = new DurableReplayGuard(binding, new MemoryReplayGuard());
    const second = new DurableReplayGuard(binding, new MemoryReplayGuard());
    expect(await first.decide('event:a', NOW + 60, NOW)).toEqual({ state: 'claimed' });
    expect(await second.decide('event:a', NOW + 60, NOW)).toEqual({ state: 'in_progress' });
    await first.settle('event:a', ACCEPTED, NOW + 600);
    expect(await second.decide('event:a', NOW + 60, NOW + 1)).toEqual({ state: 'answered', answer: ACCEPTED });
    // Released claims are processed afresh; an answered key stays answered.
    expect(await second.decide('event:b', NOW + 60, NOW)).toEqual({ state: 'claimed' });
    await second.release('event:b');
    await first.release('event:a');
    expect(await first.decide('event:b', NOW + 60, NOW)).toEqual({ state: 'claimed' });
    expect(await second.decide('event:a', NOW + 60, NOW)).toMatchObject({ state: 'answered' });
  });

  it('answers from the isolate memory first, without a round trip, once the key is answered there', async () => {
    const { binding } = namespace();
    const get = vi.spyOn(binding, 'get');
    const guard = new DurableReplayGuard(binding, new MemoryReplayGuard());
    await guard.decide('event:c', NOW + 60, NOW);
    await guard.settle('event:c', ACCEPTED, NOW + 600);
    const calls = get.mock.calls.length;
    expect(await guard.decide('event:c', NOW + 60, NOW + 2)).toEqual({ state: 'answered', answer: ACCEPTED });
    expect(get.mock.calls.length).toBe(calls);
  });

  it('treats an expired claim as absent: an isolate that died does not hold the key for ever', async () => {
    const { binding } = namespace();
    await new DurableReplayGuard(binding, new MemoryReplayGuard()).decide('event:d', NOW + 60, NOW);
    const other = new DurableReplayGuard(binding, new MemoryReplayGuard());
    expect(await other.decide('event:d', NOW + 120, NOW + 60)).toEqual({ state: 'in_progress' });
    expect(await other.decide('event:d', NOW + 121, NOW + 61)).toEqual({ state: 'claimed' });
  });

  it('throws when the object cannot be reached, and leaves no claim in the isolate memory', async () => {
    const memory = new MemoryReplayGuard();
    const guard = new DurableReplayGuard(namespace({ down: true }).binding, memory);
    await expect(guard.decide('event:e', NOW + 60, NOW)).rejects.toThrow('overloaded');
    expect(memory.size).toBe(0);
    await expect(guard.release('event:e')).rejects.toThrow('overloaded');
  });
});

describe('ReplayGuardObject', () => {
  it('schedules a cleanup alarm and deletes the expired entries when it fires, keeping the live ones', async () => {
    const { binding, objects } = namespace();
    const guard = new DurableReplayGuard(binding, new MemoryReplayGuard());
    const nowSeconds = Math.floor(Date.now() / 1000);
    await guard.decide('event:old', nowSeconds - 10, nowSeconds - 100);
    await guard.decide('event:live', nowSeconds + 600, nowSeconds);
    const stored = [...objects.values()];
    expect(stored.every(({ storage }) => storage.alarm !== null && storage.alarm <= Date.now() + REPLAY_GUARD_CLEANUP_INTERVAL_MS)).toBe(
      true,
    );
    for (const { object } of stored) await object.alarm();
    const keys = stored.flatMap(({ storage }) => [...storage.entries.keys()]);
    expect(keys).toEqual(['event:live']);
    // Only the object that still holds an entry wakes again.
    expect(stored.filter(({ storage }) => storage.entries.size > 0).every(({ storage }) => storage.alarm !== null)).toBe(true);
  });
});
