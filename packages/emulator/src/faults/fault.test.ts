import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { FaultSchema } from './fault.js';

const parseFault = (specification: unknown) => parseInput(FaultSchema, specification, 'fault');

describe('FaultSchema', () => {
  it('expands the string shorthand and keeps objects as they are', () => {
    expect(parseFault('drop-connection')).toEqual({ kind: 'drop-connection' });
    expect(parseFault({ kind: 'latency', delayMs: 25 })).toEqual({ kind: 'latency', delayMs: 25 });
    expect(parseFault({ kind: 'http-status', status: 500, body: 'oops' })).toEqual({ kind: 'http-status', status: 500, body: 'oops' });
    expect(parseFault({ kind: 'transient', code: 60008 })).toEqual({ kind: 'transient', code: 60008 });
  });

  it.each<[unknown, string]>([
    ['latency', 'delayMs'],
    [{ kind: 'latency', delayMs: -1 }, 'delayMs'],
    [{ kind: 'latency', delayMs: 10_000_000 }, 'delayMs'],
    [{ kind: 'http-status', status: 200 }, 'status'],
    [{ kind: 'http-status', status: 502.5 }, 'status'],
    [{ kind: 'http-status', body: 42 }, 'body'],
    [{ kind: 'transient', code: 0 }, 'code'],
    [{ kind: 'rate-limit', code: '60018' }, 'code'],
    [{ kind: 'transient', delayMs: 5 }, 'delayMs'],
    [{ kind: 'teleport' }, ''],
    ['teleport', ''],
    [null, ''],
  ])('rejects %j', (specification, path) => {
    try {
      parseFault(specification);
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues[0]?.path).toBe(path);
    }
  });

  it('names the kinds when the kind is unknown, and a field of another kind as unknown', () => {
    expect(() => parseFault({ kind: 'teleport' })).toThrow(/must be one of latency, http-status, transient, rate-limit/);
    expect(() => parseFault({ kind: 'transient', delayMs: 5 })).toThrow(/delayMs: is not a known option/);
  });
});
