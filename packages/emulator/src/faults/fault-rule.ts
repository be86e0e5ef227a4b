import { numberIn, optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { RouteInfo } from '../route.js';
import { FaultSchema, type Fault, type FaultKind, type FaultSpecification } from './fault.js';
import { RouteSchema, type RouteMatcher, type RoutePattern } from './route-pattern.js';
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

/** A {@link FaultRule} as {@link FaultRuleSchema} leaves it: the route compiled, the fault in its object form. */
export interface CheckedFaultRule {
  readonly name?: string | undefined;
  readonly route: RouteMatcher;
  readonly fault: Fault;
  readonly sequence?: readonly number[] | undefined;
  readonly times?: number | undefined;
  readonly probability?: number | undefined;
  readonly seed?: number | undefined;
}

/**
 * A {@link FaultRule}: every field checked, `sequence` not combined with `times` or `probability`, `seed` only
 * with `probability`.
 */
export const FaultRuleSchema: v.GenericSchema<unknown, CheckedFaultRule> = /* @__PURE__ */ (() => {
  const sequenceMessage = 'must be a non-empty list of request numbers counted from 1';
  const nonEmpty = 'must be a non-empty string';
  return v.pipe(
    optionsObject(
      {
        name: v.optional(v.pipe(v.string(nonEmpty), v.nonEmpty(nonEmpty))),
        route: RouteSchema,
        fault: FaultSchema,
        sequence: v.optional(
          v.pipe(
            v.array(numberIn(1, Number.MAX_SAFE_INTEGER, 'must be a request number counted from 1', true), sequenceMessage),
            v.nonEmpty(sequenceMessage),
          ),
        ),
        times: v.optional(numberIn(1, Number.MAX_SAFE_INTEGER, 'must be an integer of at least 1', true)),
        probability: v.optional(numberIn(0, 1, 'must be a number from 0 to 1')),
        seed: v.optional(numberIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'must be an integer', true)),
      },
      'a fault rule object',
    ),
    v.forward(
      v.partialCheck(
        [['sequence'], ['times'], ['probability']],
        (rule) => rule.sequence === undefined || (rule.times === undefined && rule.probability === undefined),
        'cannot be combined with times or probability',
      ),
      ['sequence'],
    ),
    v.forward(
      v.partialCheck(
        [['seed'], ['probability']],
        (rule) => rule.seed === undefined || rule.probability !== undefined,
        'is only used with probability',
      ),
      ['seed'],
    ),
  );
})();

/** Compiles a rule its schema accepted, named `defaultName` unless it has a name. */
export function compileFaultRule(rule: CheckedFaultRule, defaultName: string): CompiledFaultRule {
  const { route: matcher, fault, sequence, times, probability, seed } = rule;
  const name = rule.name ?? defaultName;
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
