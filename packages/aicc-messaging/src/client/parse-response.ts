import { MalformedResponseError } from '@tokenwire/core';
import { issueText, VALUE_FREE_PARSE_CONFIG } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { AiccApiError, type AiccResultField } from '../errors/aicc-api-error.js';
import { ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';

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
export function parseResponse<TSchema extends v.GenericSchema>(
  schema: TSchema,
  body: unknown,
  context: ResponseContext,
): v.InferOutput<TSchema> {
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
 * Which field carries an answer's business outcome: `resultCode` (or `returnCode`) where Huawei's pages agree, or
 * `either` where they disagree — `uploadFileStream` (`returnCode` in the API reference and every example,
 * `resultCode`/`resultDesc` in the developer guide's table cec_05_2036) and `saveSatisfaction` (`resultCode` in
 * every table, `returnCode` in every example of cec_05_2027).
 */
export type OutcomeField = AiccResultField | 'either';

/** How {@link assertBusinessSuccess} treats an answer. */
export interface OutcomeRule {
  /**
   * Whether an answer without the code is malformed (default `true`). `applyToken` sets `false`: the developer
   * guide's example (cec_05_2012) answers a bare `{ token }`, and Huawei's demo checks only HTTP 200.
   */
  readonly required?: boolean | undefined;
}

/**
 * Throws {@link AiccApiError} unless the outcome says success (`"0"`) in `field`. With `field` `either`, every
 * code present must be `"0"`; the first that is not (`resultCode`, then `returnCode`) is reported.
 *
 * @throws {@link MalformedResponseError} when the code is missing altogether and `rule.required` is not `false`.
 * @internal
 */
export function assertBusinessSuccess(
  outcome: BusinessOutcome,
  field: OutcomeField,
  context: ResponseContext,
  rule: OutcomeRule = {},
): void {
  const fields = outcomeFields(field);
  if (!fields.some((name) => outcome[name] !== undefined)) {
    if (rule.required === false) return;
    failMalformed(`The answer of ${context.path} has no ${fields.join(' or ')}`, context);
  }
  throwIfFailed(outcome, fields, context);
}

const outcomeFields = (field: OutcomeField): readonly AiccResultField[] => (field === 'either' ? ['resultCode', 'returnCode'] : [field]);

function throwIfFailed(outcome: BusinessOutcome, fields: readonly AiccResultField[], context: ResponseContext): void {
  const failed = fields.find((name) => outcome[name] !== undefined && outcome[name] !== '0');
  if (failed === undefined) return;
  const description = outcome.resultDesc === undefined ? undefined : (context.redact?.(outcome.resultDesc) ?? outcome.resultDesc);
  throw new AiccApiError({
    code: outcome[failed]!,
    description,
    field: failed,
    path: context.path,
    status: context.status,
    attempt: context.attempt,
  });
}

/** Just the outcome of an answer, whatever else it carries or lacks. */
const OutcomeSchema = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: v.optional(ResultCodeSchema),
    returnCode: v.optional(ResultCodeSchema),
    resultDesc: ResultDescriptionSchema,
  }))();

/**
 * Throws {@link AiccApiError} when an answer reports a failure in `field`, before its success schema is applied: a
 * failure answer (`{ "resultCode": "13", "resultDesc": … }`) lacks the payload of a success, and is a refusal to
 * report as such, not a malformed answer. Does nothing when the outcome cannot be read or says success.
 *
 * @internal
 */
export function assertNoBusinessFailure(body: unknown, field: OutcomeField, context: ResponseContext): void {
  const outcome = v.safeParse(OutcomeSchema, body);
  if (outcome.success) throwIfFailed(outcome.output, outcomeFields(field), context);
}
