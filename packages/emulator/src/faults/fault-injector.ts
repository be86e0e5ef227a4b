import { ValidationError } from '@tokenwire/core';
import type { RouteInfo } from '../route.js';
import type { Fault, LatencyFault } from './fault.js';
import { compileFaultRule, type CompiledFaultRule, type FaultReport, type FaultRule } from './fault-rule.js';

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

/** Creates a fault injector holding `rules` (validated; a `ValidationError` names the bad one). */
export function createFaultInjector(rules: readonly FaultRule[] = []): FaultInjector {
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

  const injector: FaultInjector = {
    add(rule) {
      counter++;
      const compiled = compileFaultRule(rule, `fault-${counter}`);
      if (active.some((existing) => existing.name === compiled.name)) {
        throw new ValidationError('fault rule', [{ path: 'name', message: `a rule named "${compiled.name}" already exists` }]);
      }
      active = [...active, compiled];
      return handleFor(compiled);
    },
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
          delayMs += (rule.fault as LatencyFault).delayMs;
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
    try {
      injector.add(rule);
    } catch (error) {
      if (!ValidationError.isInstance(error)) throw error;
      throw new ValidationError(
        'emulator options',
        error.issues.map((issue) => ({ path: `faults[${index}]${issue.path ? `.${issue.path}` : ''}`, message: issue.message })),
      );
    }
  });
  return injector;
}
