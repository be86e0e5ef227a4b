import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { describeRoute } from '../route.js';
import { compileFaultRule as compileChecked, type FaultRule, FaultRuleSchema } from './fault-rule.js';

/** Checks a rule with its schema, then compiles it, as the injector does. */
const compileFaultRule = (rule: FaultRule, defaultName: string) =>
  compileChecked(parseInput(FaultRuleSchema, rule, 'fault rule'), defaultName);

const tencent = describeRoute(new URL('https://x/v4/live_config/set_callback'));
const other = describeRoute(new URL('https://x/v4/live_config/get_callback'));
const request = () => new Request('https://x/');

/** Which of `count` matching requests the rule fires on (1-based), recording each firing. */
function firings(rule: FaultRule, count: number): number[] {
  const compiled = compileFaultRule(rule, 'rule');
  const fired: number[] = [];
  for (let index = 1; index <= count; index++) {
    if (compiled.consider(tencent, request)) {
      compiled.recordFired();
      fired.push(index);
    }
  }
  return fired;
}

describe('compileFaultRule', () => {
  it('fires on every matching request without a selection', () => {
    expect(firings({ route: 'live_config/set_callback', fault: 'transient' }, 4)).toEqual([1, 2, 3, 4]);
  });

  it('fires on exactly the listed requests of a sequence, then is exhausted', () => {
    const compiled = compileFaultRule({ route: 'live_config/set_callback', fault: 'transient', sequence: [1, 3] }, 'rule');
    const decisions = [1, 2, 3, 4].map(() => compiled.consider(tencent, request));
    expect(decisions).toEqual([true, false, true, false]);
    expect(compiled.report()).toMatchObject({ matched: 4, fired: 0, exhausted: true });
  });

  it('fires on the next `times` requests', () => {
    expect(firings({ route: 'live_config/*', fault: 'drop-connection', times: 2 }, 5)).toEqual([1, 2]);
  });

  it('counts only requests on its route', () => {
    const compiled = compileFaultRule({ route: 'live_config/set_callback', fault: 'transient', sequence: [2] }, 'rule');
    expect(compiled.consider(other, request)).toBe(false);
    expect(compiled.consider(tencent, request)).toBe(false);
    expect(compiled.consider(other, request)).toBe(false);
    expect(compiled.consider(tencent, request)).toBe(true);
    expect(compiled.report().matched).toBe(2);
  });

  it('draws reproducible decisions from the seed', () => {
    const rule = { route: '*', fault: 'transient', probability: 0.3, seed: 1234 } as const;
    const first = firings(rule, 200);
    expect(firings(rule, 200)).toEqual(first);
    expect(firings({ ...rule, seed: 4321 }, 200)).not.toEqual(first);
    expect(first.length).toBeGreaterThan(30);
    expect(first.length).toBeLessThan(90);
  });

  it('never or always fires at probability 0 or 1, and caps probability with times', () => {
    expect(firings({ route: '*', fault: 'transient', probability: 0 }, 50)).toEqual([]);
    expect(firings({ route: '*', fault: 'transient', probability: 1 }, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(firings({ route: '*', fault: 'transient', probability: 1, times: 3 }, 5)).toEqual([1, 2, 3]);
  });

  it('does not spend `times` when it wanted to fire but another fault took the request', () => {
    const compiled = compileFaultRule({ route: '*', fault: 'transient', times: 1 }, 'rule');
    expect(compiled.consider(tencent, request)).toBe(true); // not recorded as fired
    expect(compiled.consider(tencent, request)).toBe(true);
    compiled.recordFired();
    expect(compiled.consider(tencent, request)).toBe(false);
    expect(compiled.report()).toMatchObject({ matched: 3, fired: 1, exhausted: true });
  });

  it('reports its name, kind and normalized fault', () => {
    const compiled = compileFaultRule({ name: 'gateway', route: '*', fault: 'stall-body' }, 'default');
    expect(compiled.report()).toEqual({
      name: 'gateway',
      kind: 'stall-body',
      fault: { kind: 'stall-body' },
      matched: 0,
      fired: 0,
      exhausted: false,
    });
    expect(compileFaultRule({ route: '*', fault: 'stall-body' }, 'fault-9').name).toBe('fault-9');
  });

  it('rejects bad rules listing every issue', () => {
    const attempt = (rule: unknown) => {
      try {
        compileFaultRule(rule as FaultRule, 'rule');
      } catch (error) {
        expect(ValidationError.isInstance(error)).toBe(true);
        return (error as ValidationError).issues.map((issue) => issue.path);
      }
      throw new Error('expected a ValidationError');
    };
    expect(attempt(null)).toEqual(['']);
    expect(attempt({ route: 'nope', fault: { kind: 'explode' } })).toEqual(['route', 'fault']);
    expect(attempt({ route: '*', fault: 'transient', sequence: [0] })).toEqual(['sequence.0']);
    expect(attempt({ route: '*', fault: 'transient', sequence: [] })).toEqual(['sequence']);
    expect(attempt({ route: '*', fault: 'transient', sequence: [1], times: 2 })).toEqual(['sequence']);
    expect(attempt({ route: '*', fault: 'transient', times: 0 })).toEqual(['times']);
    expect(attempt({ route: '*', fault: 'transient', times: 1.5 })).toEqual(['times']);
    expect(attempt({ route: '*', fault: 'transient', probability: 1.5 })).toEqual(['probability']);
    expect(attempt({ route: '*', fault: 'transient', probability: Number.NaN })).toEqual(['probability']);
    expect(attempt({ route: '*', fault: 'transient', probability: 0.5, seed: 0.5 })).toEqual(['seed']);
    expect(attempt({ route: '*', fault: 'transient', seed: 3 })).toEqual(['seed']);
    expect(attempt({ name: '', route: '*', fault: 'transient' })).toEqual(['name']);
    expect(attempt({ route: '*', fault: 'transient', tiems: 2 })).toEqual(['tiems']);
    expect(attempt({ route: ['*', 'a/b/c'], fault: { kind: 'latency' } })).toEqual(['route.1', 'fault.delayMs']);
  });
});
