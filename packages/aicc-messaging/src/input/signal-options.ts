import { AbortSignalSchema, optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';

/** The entries every call's options share. */
export const CallOptionEntries = /* @__PURE__ */ (() =>
  ({
    /** Aborts the call, including backoff waits and token refreshes it waits for. */
    signal: v.optional(AbortSignalSchema),
  }) as const)();

/** Options that only carry a `signal`. */
export const SignalOptionsSchema = /* @__PURE__ */ (() => v.optional(optionsObject(CallOptionEntries, 'an object of options'), {}))();

/** Options of a call that takes nothing but a signal. */
export interface CallOptions {
  /** Aborts the call, including backoff waits and token refreshes it waits for. */
  readonly signal?: AbortSignal | undefined;
}
