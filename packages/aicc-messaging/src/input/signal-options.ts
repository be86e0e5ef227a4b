import * as v from 'valibot';
import { objectMessage } from './parse-input.js';

/** An `AbortSignal`. */
export const AbortSignalSchema = /* @__PURE__ */ (() =>
  v.custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal'))();

/** The entries every call's options share. */
export const CallOptionEntries = /* @__PURE__ */ (() =>
  ({
    /** Aborts the call, including backoff waits and token refreshes it waits for. */
    signal: v.optional(AbortSignalSchema),
  }) as const)();

/** Options that only carry a `signal`. */
export const SignalOptionsSchema = /* @__PURE__ */ (() =>
  v.optional(v.strictObject(CallOptionEntries, objectMessage('an object of options')), {}))();

/** Options of a call that takes nothing but a signal. */
export interface CallOptions {
  /** Aborts the call, including backoff waits and token refreshes it waits for. */
  readonly signal?: AbortSignal | undefined;
}
