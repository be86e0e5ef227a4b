import * as v from 'valibot';
import { restNameSchema } from '../endpoint/build-request-url.js';
import { AbortSignalSchema, optionsObject, RetryOptionSchema, TimeoutSchema } from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';
import type { RetryOptions } from './retry-policy.js';

/** Options of one `client.call`. */
export interface TencentCallOptions {
  /** Aborts the call: waiting, sending, reading or backing off; it then rejects with `RequestAbortedError`. */
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt deadline for this call in ms, instead of the client's `timeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy for this call: `false` sends it once; an object overrides fields of the client's policy. */
  readonly retry?: RetryOptions | false | undefined;
}

/**
 * Validates the arguments of `client.call` and serialises the body (`{}` when there is none).
 *
 * @returns the JSON text of the body.
 * @throws {@link ValidationError} listing every issue; nothing has been sent.
 */
export function validateCallArguments(service: unknown, command: unknown, body: unknown, options: unknown): string {
  return parseInput(CallArgumentsSchema, { service, command, body, options }, 'Tencent call').body;
}

/** A Tencent body: a JSON object, as JSON text (`{}` when omitted). */
const BodySchema: v.GenericSchema<unknown, string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const body = dataset.value;
      if (body === undefined) return '{}';
      let text: string | undefined | null;
      try {
        // A toJSON method may turn an object into something else; only a JSON object is a Tencent body.
        text = typeof body === 'object' && body !== null && !Array.isArray(body) ? JSON.stringify(body) : undefined;
      } catch {
        text = null; // a cycle, a BigInt, a throwing toJSON
      }
      if (typeof text === 'string' && text.startsWith('{')) return text;
      addIssue({ message: text === null ? 'cannot be serialised as JSON' : 'must be a JSON object' });
      return NEVER;
    }),
  ))();

/** The arguments of `client.call`, checked together so that every problem is reported at once. */
const CallArgumentsSchema = /* @__PURE__ */ (() =>
  v.object({
    service: restNameSchema('service'),
    command: restNameSchema('command'),
    body: BodySchema,
    options: v.optional(
      optionsObject(
        { signal: v.optional(AbortSignalSchema), timeoutMs: v.optional(TimeoutSchema), retry: v.optional(RetryOptionSchema) },
        'an object',
      ),
    ),
  }))();
