import { numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { characterCount } from '../input/text-measures.js';
import { CallOptionEntries } from '../input/signal-options.js';
import { CHANNEL, SATISFACTION_LEVELS, type SatisfactionLevel } from '../messages/enumerations.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import { callApi, type SessionContext } from './session-caller.js';

/** `comment` must be shorter than this many characters. */
export const SATISFACTION_COMMENT_LIMIT = 512;

/** Highest `npsScore` AICC documents: scores run 0–9. */
export const MAX_NPS_SCORE = 9;

/** What {@link AiccSession.saveSatisfaction} takes (for an agent session; robots use `robotFeedback`). */
export interface SaveSatisfactionInput {
  /** `"1"` very dissatisfied … `"5"` very satisfied (a number 1–5 is accepted); must be a level the tenant configured. */
  readonly evaluation: SatisfactionLevel | 1 | 2 | 3 | 4 | 5;
  /** Fewer than 512 characters. AICC requires the field: without one, `""` is sent. */
  readonly comment?: string | undefined;
  /** Net promoter score, 0–9 (AICC documents 0–9); sent as a string, as AICC types it. */
  readonly npsScore?: number | undefined;
  /** First-contact resolution: `true` (sent as `"1"`) or `false` (sent as `"2"`). */
  readonly resolved?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
}

const SaveSatisfactionInputSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      ...CallOptionEntries,
      evaluation: v.pipe(
        v.picklist([...SATISFACTION_LEVELS, 1, 2, 3, 4, 5], 'must be "1"–"5"'),
        v.transform((level) => String(level) as SatisfactionLevel),
      ),
      comment: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.check(
            (text) => characterCount(text) < SATISFACTION_COMMENT_LIMIT,
            `must be shorter than ${SATISFACTION_COMMENT_LIMIT} characters`,
          ),
        ),
      ),
      npsScore: v.optional(numberIn(0, MAX_NPS_SCORE, `must be a whole number 0–${MAX_NPS_SCORE}`, true)),
      resolved: v.optional(v.boolean('must be a boolean')),
    },
    'an object with evaluation',
  ))();

/**
 * A successful `saveSatisfaction` answer. Its code is `resultCode` in every table (cec_07_2226, cec_05_2025) and
 * `returnCode` in every example (`{ "returnCode": "0" }`, devg-webclint-cec cec_05_2027, 2024-03-05): either is
 * accepted, and every one present is `"0"`. Unknown fields pass through.
 */
export interface SaveSatisfactionResult {
  /** `"0"`, when AICC answers as its tables say. */
  resultCode?: string | undefined;
  /** `"0"`, when AICC answers as its examples show. */
  returnCode?: string | undefined;
  resultDesc?: string | undefined;
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of a {@link SaveSatisfactionResult}. */
const SaveSatisfactionResponseSchema: v.GenericSchema<unknown, SaveSatisfactionResult> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: v.optional(ResultCodeSchema),
    returnCode: v.optional(ResultCodeSchema),
    resultDesc: ResultDescriptionSchema,
  } satisfies EntriesOf<SaveSatisfactionResult>))();

/**
 * `POST /apiaccess/ccmessaging/saveSatisfaction` — rates the agent session (flat body, as every AICC example
 * sends it). `comment` is mandatory in every table (cec_07_2226, 2025-04-02; cec_05_2026, 2024-03-05), so `""` is
 * sent when the user wrote none; `npsScore` and `fcrValue` are typed `String` there and sent as strings. The
 * `userId` is not limited beyond applyToken's 32 characters: the pages disagree (1–24 in cec_07_2226, 1–32 in
 * cec_07_2203, none in cec_05_2026). Not retried after ambiguous failures.
 *
 * @internal
 */
export async function saveSatisfaction(context: SessionContext, input: SaveSatisfactionInput): Promise<SaveSatisfactionResult> {
  const parsed = parseInput(SaveSatisfactionInputSchema, input, 'saveSatisfaction input');
  const { user } = context;
  const body = {
    channel: CHANNEL,
    userId: user.userId,
    channelConfigId: user.channelId,
    evaluation: parsed.evaluation,
    comment: parsed.comment ?? '',
    ...(parsed.npsScore === undefined ? {} : { npsScore: String(parsed.npsScore) }),
    ...(parsed.resolved === undefined ? {} : { fcrValue: parsed.resolved ? '1' : '2' }),
  };
  return callApi(context, { api: 'saveSatisfaction', body, signal: parsed.signal }, SaveSatisfactionResponseSchema, 'either');
}
