import { ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { normalizeFault, type FaultSpecification } from './fault.js';

describe('normalizeFault', () => {
  it('expands the string shorthand and keeps objects as they are', () => {
    expect(normalizeFault('drop-connection')).toEqual({ kind: 'drop-connection' });
    const latency = { kind: 'latency', delayMs: 25 } as const;
    expect(normalizeFault(latency)).toBe(latency);
    expect(normalizeFault({ kind: 'http-status', status: 500, body: 'oops' })).toEqual({ kind: 'http-status', status: 500, body: 'oops' });
    expect(normalizeFault({ kind: 'transient', code: 60008 })).toEqual({ kind: 'transient', code: 60008 });
  });

  it.each<[unknown, string]>([
    ['latency', 'fault.delayMs'],
    [{ kind: 'latency', delayMs: -1 }, 'fault.delayMs'],
    [{ kind: 'latency', delayMs: 10_000_000 }, 'fault.delayMs'],
    [{ kind: 'http-status', status: 200 }, 'fault.status'],
    [{ kind: 'http-status', status: 502.5 }, 'fault.status'],
    [{ kind: 'http-status', body: 42 }, 'fault.body'],
    [{ kind: 'transient', code: 0 }, 'fault.code'],
    [{ kind: 'rate-limit', code: '60018' }, 'fault.code'],
    [{ kind: 'teleport' }, 'fault'],
    ['teleport', 'fault'],
    [null, 'fault'],
  ])('rejects %j', (specification, path) => {
    try {
      normalizeFault(specification as FaultSpecification);
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues[0]?.path).toBe(path);
    }
  });
});
