import { issueText, MalformedResponseError, VALUE_FREE_PARSE_CONFIG } from '@tokenwire/core';
import * as v from 'valibot';
import { AiccApiError, type AiccResultField } from '../errors/aicc-api-error.js';

/** Where an answer came from, for the errors about it. */
export interface ResponseContext {
  readonly path: string;
  readonly status: number;
  readonly attempt?: number | undefined;
  /** Redacts the call's credentials from texts the answer echoes. */
  readonly redact?: ((text: string) => string) | undefined;
}

/**
 * Parses an AICC answer with its schema.
 *
 * @throws {@link MalformedResponseError} (not retryable: the same answer would come again) listing the fields
 *   that do not fit; values are never quoted.
 * @internal
 */
export function parseResponse<TSchema extends v.GenericSchema>(schema: TSchema, body: unknown, context: ResponseContext): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, body, VALUE_FREE_PARSE_CONFIG);
  if (result.success) return result.output;
  const problems = result.issues.slice(0, 5).map(issueText).join('; ');
  return failMalformed(`The answer of ${context.path} does not have the documented shape: ${problems}`, context);
}

function failMalformed(message: string, context: ResponseContext): never {
  throw new MalformedResponseError(message, { path: context.path, status: context.status, attempt: context.attempt, retryable: false });
}

/** An answer that carries a business outcome. */
export interface BusinessOutcome {
  readonly resultCode?: string | undefined;
  readonly returnCode?: string | undefined;
  readonly resultDesc?: string | undefined;
}

/**
 * Throws {@link AiccApiError} unless the outcome says success (`"0"`) in `field`. With `field` `either`, the
 * first of `resultCode`/`returnCode` present decides (saveSatisfaction answers either).
 *
 * @throws {@link MalformedResponseError} when the field is missing altogether.
 * @internal
 */
export function assertBusinessSuccess(outcome: BusinessOutcome, field: AiccResultField | 'either', context: ResponseContext): void {
  const used: AiccResultField =
    field === 'either' ? (outcome.resultCode !== undefined ? 'resultCode' : 'returnCode') : field;
  const code = outcome[used];
  if (code === undefined) {
    const name = field === 'either' ? 'resultCode or returnCode' : field;
    failMalformed(`The answer of ${context.path} has no ${name}`, context);
  }
  if (code === '0') return;
  const description = outcome.resultDesc === undefined ? undefined : (context.redact?.(outcome.resultDesc) ?? outcome.resultDesc);
  throw new AiccApiError({ code, description, field: used, path: context.path, status: context.status, attempt: context.attempt });
}
