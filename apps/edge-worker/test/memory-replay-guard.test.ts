import { describe, expect, it } from 'vitest';
import { MemoryReplayGuard } from '../src/tencent/memory-replay-guard.js';

const OK = { errorCode: 0, errorInfo: '' };

describe('MemoryReplayGuard', () => {
  it('claims a new key, says in_progress while it is claimed, and gives the settled answer afterwards', async () => {
    const guard = new MemoryReplayGuard();
    expect(await guard.decide('a', 1060, 1000)).toEqual({ state: 'claimed' });
    expect(await guard.decide('a', 1060, 1001)).toEqual({ state: 'in_progress' });
    await guard.settle('a', { errorCode: 4001, errorInfo: 'no coins' }, 1600);
    expect(await guard.decide('a', 1062, 1002)).toEqual({ state: 'answered', answer: { errorCode: 4001, errorInfo: 'no coins' } });
    expect(await guard.decide('a', 1660, 1600)).toEqual({ state: 'answered', answer: { errorCode: 4001, errorInfo: 'no coins' } });
    expect(await guard.decide('a', 1661, 1601)).toEqual({ state: 'claimed' }); // expired
  });

  it('releases a claim (a failed delivery) but never an answer, and frees a claim that expired unsettled', async () => {
    const guard = new MemoryReplayGuard();
    await guard.decide('failed', 1060, 1000);
    await guard.release('failed');
    expect(await guard.decide('failed', 1060, 1000)).toEqual({ state: 'claimed' });
    await guard.settle('done', OK, 2000);
    await guard.release('done');
    expect(await guard.decide('done', 1060, 1000)).toEqual({ state: 'answered', answer: OK });
    await guard.decide('abandoned', 1010, 1000); // its isolate never settled it
    expect(await guard.decide('abandoned', 1071, 1011)).toEqual({ state: 'claimed' });
  });

  it('drops expired entries as time goes on and keeps at most `capacity`, evicting the oldest', async () => {
    const guard = new MemoryReplayGuard({ capacity: 3 });
    for (const key of ['a', 'b', 'c', 'd']) expect(await guard.decide(key, 1060, 1000)).toEqual({ state: 'claimed' });
    expect(guard.size).toBe(3);
    expect(await guard.decide('a', 1060, 1000)).toEqual({ state: 'claimed' }); // evicted: a documented limit of per-isolate memory
    expect(await guard.decide('z', 1200, 1100)).toEqual({ state: 'claimed' });
    expect(guard.size).toBe(1);
  });
});
