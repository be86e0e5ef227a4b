import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { describeRoute } from '../route.js';
import { createFaultInjector as createInjector } from './fault-injector.js';
import { type FaultRule, FaultRuleSchema } from './fault-rule.js';

/** An injector with `rules`, checked first, as the emulator's options schema does. */
const createFaultInjector = (rules: readonly FaultRule[] = []) =>
  createInjector(rules.map((rule) => parseInput(FaultRuleSchema, rule, 'fault rule')));

const route = describeRoute(new URL('https://x/v4/live_config/set_callback'));
const aicc = describeRoute(new URL('https://x/apiaccess/ccmessaging/send'));
const request = () => new Request('https://x/');

describe('createFaultInjector', () => {
  it('decides nothing without rules', () => {
    expect(createFaultInjector().decide(route, request)).toEqual({ delayMs: 0, applied: [] });
  });

  it('adds up latency faults and applies the first other fault that fires', () => {
    const injector = createFaultInjector([
      { name: 'slow', route: '*', fault: { kind: 'latency', delayMs: 10 } },
      { name: 'slower', route: 'live_config/*', fault: { kind: 'latency', delayMs: 15 } },
      { name: 'first', route: 'live_config/set_callback', fault: 'transient' },
      { name: 'second', route: '*', fault: 'drop-connection', times: 1 },
    ]);
    const decision = injector.decide(route, request);
    expect(decision.delayMs).toBe(25);
    expect(decision.terminal).toEqual({ name: 'first', fault: { kind: 'transient' } });
    expect(decision.applied.map((applied) => applied.name)).toEqual(['slow', 'slower', 'first']);
    // "second" wanted the request but "first" took it: its one time is still unspent.
    expect(injector.list().find((report) => report.name === 'second')).toMatchObject({ matched: 1, fired: 0, exhausted: false });
    const onAicc = injector.decide(aicc, request);
    expect(onAicc.terminal?.name).toBe('second');
    expect(onAicc.delayMs).toBe(10);
  });

  it('adds, removes and clears rules at run time and counts firings', () => {
    const injector = createFaultInjector();
    const handle = injector.add({ route: 'live_config/set_callback', fault: 'transient', times: 2 });
    expect(handle.name).toBe('fault-1');
    injector.decide(route, request);
    injector.decide(aicc, request);
    expect(handle.matched).toBe(1);
    expect(handle.fired).toBe(1);
    expect(handle.exhausted).toBe(false);
    injector.decide(route, request);
    expect(handle.report()).toMatchObject({ fired: 2, exhausted: true });
    expect(injector.firedCount()).toBe(2);
    expect(injector.firedCount('fault-1')).toBe(2);
    expect(injector.firedCount('nope')).toBe(0);

    const second = injector.add({ name: 'named', route: '*', fault: 'stall-body' });
    expect(injector.list().map((report) => report.name)).toEqual(['fault-1', 'named']);
    expect(injector.remove('named')).toBe(true);
    expect(injector.remove('named')).toBe(false);
    expect(second.remove()).toBe(false);
    expect(handle.remove()).toBe(true);
    expect(injector.list()).toEqual([]);
    expect(handle.fired).toBe(2); // counters stay readable after removal

    injector.add({ route: '*', fault: 'transient' });
    injector.add({ route: '*', fault: 'transient' });
    injector.clear();
    expect(injector.list()).toEqual([]);
    expect(injector.decide(route, request).terminal).toBeUndefined();
  });

  it('refuses duplicate names, naming the initial rule that repeats one', () => {
    const injector = createFaultInjector([{ name: 'a', route: '*', fault: 'transient' }]);
    expect(() => injector.add({ name: 'a', route: '*', fault: 'transient' })).toThrow(/already exists/);
    try {
      createFaultInjector([
        { name: 'b', route: '*', fault: 'transient' },
        { name: 'b', route: '*', fault: 'transient' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues).toEqual([{ path: 'faults.1.name', message: 'a rule named "b" already exists' }]);
    }
  });

  it('checks a rule added at run time', () => {
    const injector = createFaultInjector();
    expect(() => injector.add({ route: 'bad', fault: 'transient' })).toThrow(ValidationError);
    expect(() => injector.add({ route: '*', fault: 'transient', tmies: 2 } as FaultRule)).toThrow(/tmies: is not a known option/);
    expect(injector.list()).toEqual([]);
  });
});
