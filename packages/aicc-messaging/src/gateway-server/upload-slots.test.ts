import { describe, expect, it } from 'vitest';
import { createUploadSlots } from './upload-slots.js';

describe('createUploadSlots', () => {
  it('counts uploads per user and per isolate, gives slots back on release, and lets a slot never released lapse', () => {
    let now = 0;
    const slots = createUploadSlots({ perUser: 2, perIsolate: 3, holdMs: 60_000, now: () => now });
    const first = slots.take('ada');
    const second = slots.take('ada');
    expect(typeof first).toBe('function');
    expect(typeof second).toBe('function');
    expect(slots.take('ada')).toBe('user_limit');
    const third = slots.take('bob');
    expect(typeof third).toBe('function');
    expect(slots.take('eve')).toBe('isolate_limit');
    if (typeof first === 'function') first();
    if (typeof first === 'function') first(); // twice is once
    expect(typeof slots.take('eve')).toBe('function');
    expect(slots.take('eve')).toBe('isolate_limit');
    now += 60_000; // nobody released anything: every slot lapsed
    for (const user of ['ada', 'ada', 'bob']) expect(typeof slots.take(user)).toBe('function');
  });
});
