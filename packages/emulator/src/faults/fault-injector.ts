import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import type { RouteInfo } from '../route.js';
import type { Fault } from './fault.js';
import {
  type CheckedFaultRule,
  type CompiledFaultRule,
  compileFaultRule,
  type FaultReport,
  type FaultRule,
  FaultRuleSchema,
} from './fault-rule.js';

/** A rule once added: live counters, and a way to take it out again. */
export interface FaultHandle {
  readonly name: string;
  /** Requests that matched the route so far. */
  readonly matched: number;
  /** Requests the fault was applied to so far. */
  readonly fired: number;
  /** True once the rule can never fire again. */
  readonly exhausted: boolean;
  /** The rule's counters as a plain object. */
  report(): FaultReport;
  /** Takes the rule out; returns false when it was already gone. The counters stay readable. */
  remove(): boolean;
}

/**
 * The emulator's fault injection, `emulator.faults`: add and remove rules at any time, and read how often each
 * one fired.
 */
export interface FaultController {
  /** Adds a rule (after the existing ones). Throws a `ValidationError` for a bad rule or a duplicate name. */
  add(rule: FaultRule): FaultHandle;
  /** Removes the named rule; returns false when there is none. */
  remove(name: string): boolean;
  /** Removes every rule. */
  clear(): void;
  /** Reports of the active rules, in the order they are consulted. */
  list(): FaultReport[];
  /** How many times the named rule fired, or all active rules together when no name is given. */
  firedCount(name?: string): number;
}

/** A fault that was applied to a request, as recorded in the request log. */
export interface AppliedFault {
  readonly name: string;
  readonly fault: Fault;
}

/** What the injector decided for one request. */
export interface FaultDecision {
  /** Total added latency of every latency fault that fired. */
  readonly delayMs: number;
  /** Every fault applied, latency faults included, in rule order. */
  readonly applied: readonly AppliedFault[];
  /** The fault that replaces the real answer, if any (never a latency fault). */
  readonly terminal?: AppliedFault;
}

/** The controller plus the decision step the emulator runs for every request. */
export interface FaultInjector extends FaultController {
  /**
   * Lets every rule look at the request. All latency faults that fire add up; the first other fault that fires
   * replaces the answer, and later rules that would also have fired do not (they do not spend `times` either).
   */
  decide(route: RouteInfo, request: () => Request): FaultDecision;
}

/**
 * Creates a fault injector holding `rules`, which their schema accepted already (the emulator's options schema
 * checks them). Throws a `ValidationError` when two of them have the same name.
 */
export function createFaultInjector(rules: readonly CheckedFaultRule[] = []): FaultInjector {
  let active: CompiledFaultRule[] = [];
  let counter = 0;

  const handleFor = (rule: CompiledFaultRule): FaultHandle => ({
    name: rule.name,
    get matched() {
      return rule.report().matched;
    },
    get fired() {
      return rule.report().fired;
    },
    get exhausted() {
      return rule.report().exhausted;
    },
    report: () => rule.report(),
    remove() {
      const before = active.length;
      active = active.filter((candidate) => candidate !== rule);
      return active.length !== before;
    },
  });

  /** Adds a checked rule; `path` is where its name is, for the error when the name is taken. */
  const addChecked = (rule: CheckedFaultRule, subject: string, path: string): FaultHandle => {
    counter++;
    const compiled = compileFaultRule(rule, `fault-${counter}`);
    if (active.some((existing) => existing.name === compiled.name)) {
      throw new ValidationError(subject, [{ path, message: `a rule named "${compiled.name}" already exists` }]);
    }
    active = [...active, compiled];
    return handleFor(compiled);
  };

  const injector: FaultInjector = {
    add: (rule) => addChecked(parseInput(FaultRuleSchema, rule, 'fault rule'), 'fault rule', 'name'),
    remove(name) {
      const before = active.length;
      active = active.filter((rule) => rule.name !== name);
      return active.length !== before;
    },
    clear() {
      active = [];
    },
    list: () => active.map((rule) => rule.report()),
    firedCount(name) {
      return active.filter((rule) => name === undefined || rule.name === name).reduce((sum, rule) => sum + rule.report().fired, 0);
    },
    decide(route, request) {
      let delayMs = 0;
      let terminal: AppliedFault | undefined;
      const applied: AppliedFault[] = [];
      for (const rule of active) {
        if (!rule.consider(route, request)) continue;
        if (rule.fault.kind === 'latency') {
          delayMs += rule.fault.delayMs;
        } else if (terminal === undefined) {
          terminal = { name: rule.name, fault: rule.fault };
        } else {
          continue;
        }
        rule.recordFired();
        applied.push({ name: rule.name, fault: rule.fault });
      }
      return terminal === undefined ? { delayMs, applied } : { delayMs, applied, terminal };
    },
  };

  rules.forEach((rule, index) => {
    addChecked(rule, 'emulator options', `faults.${index}.name`);
  });
  return injector;
}
