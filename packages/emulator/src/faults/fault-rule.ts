import { ValidationError, type ValidationIssue } from '@tokenwire/core';
import type { RouteInfo } from '../route.js';
import { normalizeFault, type Fault, type FaultKind, type FaultSpecification } from './fault.js';
import { compileRoutePattern, type RouteMatcher, type RoutePattern } from './route-pattern.js';
import { createSeededRandom, type RandomSource } from './seeded-random.js';

/**
 * One fault-injection rule: which requests (`route`), what goes wrong (`fault`) and which of the matching
 * requests it hits. Give at most one selection: `sequence`, or `times` and/or `probability`; with none, every
 * matching request is hit. Counting starts when the rule is added.
 *
 * @example
 * ```ts
 * // the 1st and 3rd set_callback calls get a transient 100001
 * { route: 'live_config/set_callback', fault: { kind: 'transient' }, sequence: [1, 3] }
 * // the next two sends drop the connection
 * { route: '/apiaccess/ccmessaging/send', fault: 'drop-connection', times: 2 }
 * // 20 % of all Tencent calls answer 502, reproducibly
 * { route: 'live_config/*', fault: { kind: 'http-status', status: 502 }, probability: 0.2, seed: 7 }
 * ```
 */
export interface FaultRule {
  /** Name shown in reports and in the request log; unique among the active rules. Defaults to `fault-<n>`. */
  readonly name?: string;
  /** The requests the rule looks at. */
  readonly route: RoutePattern | readonly RoutePattern[];
  /** What goes wrong. */
  readonly fault: FaultSpecification;
  /** Hit exactly these matching requests, counted from 1 (e.g. `[1, 3]`: the first and the third). */
  readonly sequence?: readonly number[];
  /** Hit the next `times` matching requests (with `probability`: at most `times` of them). */
  readonly times?: number;
  /** Hit each matching request with this probability (0–1), drawn from a PRNG seeded with `seed`. */
  readonly probability?: number;
  /** Seed of the rule's PRNG, an integer; the same seed gives the same hits. Defaults to 1. */
  readonly seed?: number;
}

/** How a rule has fared so far. */
export interface FaultReport {
  readonly name: string;
  readonly kind: FaultKind;
  readonly fault: Fault;
  /** Requests that matched the route since the rule was added. */
  readonly matched: number;
  /** Requests the fault was applied to. */
  readonly fired: number;
  /** True once the rule can never fire again (its `sequence` or `times` is used up). */
  readonly exhausted: boolean;
}

/** Internal state of a rule, driven by the injector. */
export interface CompiledFaultRule {
  readonly name: string;
  readonly fault: Fault;
  /** Counts a match when the route matches, and says whether the rule wants to fire on it. */
  consider(route: RouteInfo, request: () => Request): boolean;
  /** Records that the fault was applied. */
  recordFired(): void;
  report(): FaultReport;
}

const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** Validates a {@link FaultRule} and compiles it. Throws a `ValidationError` listing every problem. */
export function compileFaultRule(rule: FaultRule, defaultName: string): CompiledFaultRule {
  if (typeof rule !== 'object' || rule === null) throw new ValidationError('fault rule', [{ path: '', message: 'must be an object' }]);
  const issues: ValidationIssue[] = [];
  const collect = <T>(make: () => T): T | undefined => {
    try {
      return make();
    } catch (error) {
      if (ValidationError.isInstance(error)) issues.push(...error.issues);
      else throw error;
      return undefined;
    }
  };
  const name = rule.name ?? defaultName;
  if (typeof name !== 'string' || name.length === 0) issues.push({ path: 'name', message: 'must be a non-empty string' });
  const matcher = collect<RouteMatcher>(() => compileRoutePattern(rule.route, 'route'));
  const fault = collect<Fault>(() => normalizeFault(rule.fault, 'fault'));
  const { sequence, times, probability, seed } = rule;
  if (sequence !== undefined) {
    if (!Array.isArray(sequence) || sequence.length === 0 || !sequence.every(isPositiveInteger)) {
      issues.push({ path: 'sequence', message: 'must be a non-empty list of request numbers counted from 1' });
    }
    if (times !== undefined || probability !== undefined) {
      issues.push({ path: 'sequence', message: 'cannot be combined with times or probability' });
    }
  }
  if (times !== undefined && !isPositiveInteger(times)) issues.push({ path: 'times', message: 'must be an integer of at least 1' });
  if (probability !== undefined && (typeof probability !== 'number' || !(probability >= 0 && probability <= 1))) {
    issues.push({ path: 'probability', message: 'must be a number from 0 to 1' });
  }
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isSafeInteger(seed))) {
    issues.push({ path: 'seed', message: 'must be an integer' });
  }
  if (seed !== undefined && probability === undefined) issues.push({ path: 'seed', message: 'is only used with probability' });
  if (issues.length > 0 || matcher === undefined || fault === undefined) throw new ValidationError('fault rule', issues);

  const hits = sequence === undefined ? undefined : new Set(sequence);
  const lastHit = sequence === undefined ? 0 : Math.max(...sequence);
  const random: RandomSource | undefined = probability === undefined ? undefined : createSeededRandom(seed ?? 1);
  let matched = 0;
  let fired = 0;
  const exhausted = (): boolean => (hits !== undefined && matched >= lastHit) || (times !== undefined && fired >= times);

  return {
    name,
    fault,
    consider(route, request) {
      if (!matcher(route, request)) return false;
      matched++;
      // Draw for every match, so the decisions depend only on the seed and the match count.
      const draw = random === undefined ? 0 : random();
      if (hits !== undefined) return hits.has(matched);
      if (times !== undefined && fired >= times) return false;
      return probability === undefined || draw < probability;
    },
    recordFired() {
      fired++;
    },
    report: () => ({ name, kind: fault.kind, fault, matched, fired, exhausted: exhausted() }),
  };
}
