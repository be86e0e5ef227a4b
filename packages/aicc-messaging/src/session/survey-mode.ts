import * as v from 'valibot';
import { objectMessage, parseInput } from '../input/parse-input.js';
import { CallOptionEntries } from '../input/signal-options.js';
import { SATISFACTION_QUESTIONS, SATISFACTION_LEVELS, SURVEY_LANGUAGES, SURVEY_TYPES, type SurveyLanguage } from '../messages/enumerations.js';
import { openPicklist, optionalList, ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import { callApi, type SessionContext } from './session-caller.js';

/** Options of {@link AiccSession.surveyMode}. */
export interface SurveyModeOptions {
  /** Language of the level descriptions; the tenant's default when omitted. */
  readonly language?: SurveyLanguage | undefined;
  readonly signal?: AbortSignal | undefined;
}

const SurveyModeOptionsSchema = v.optional(
  v.strictObject(
    { ...CallOptionEntries, language: v.optional(v.picklist(SURVEY_LANGUAGES, `must be one of ${SURVEY_LANGUAGES.join(', ')}`)) },
    objectMessage('an object of survey options'),
  ),
  {},
);

/** One satisfaction level of the tenant's survey. */
export const SatisfactionLevelSchema = v.looseObject({
  satisfactionLevelKey: v.pipe(
    v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer'),
    v.transform(String),
    v.transform((key) => key as (typeof SATISFACTION_LEVELS)[number] | (string & {})),
  ),
  satisfactionLevelDesc: v.optional(v.nullable(v.string('must be a string'))),
});

/** The `satisfactionSurvey` object: how (and whether) the tenant surveys satisfaction. */
export const SatisfactionSurveySchema = v.looseObject({
  /** `WEB` — show the survey; `NO` — none configured: just DISCONNECT. */
  surveyType: openPicklist(SURVEY_TYPES),
  satisfactionLevel: optionalList(SatisfactionLevelSchema, 'must be an array of levels'),
  /** `FCR`, `NPS`, `CSAT`. */
  satisfactionQuestion: optionalList(openPicklist(SATISFACTION_QUESTIONS), 'must be an array of strings'),
});

/** The tenant's satisfaction survey. */
export type SatisfactionSurvey = v.InferOutput<typeof SatisfactionSurveySchema>;

/** The `getsatisfactionsurveymode` answer. Unknown fields pass through. */
export const SurveyModeResponseSchema = v.looseObject({
  /** `0` success, `13` failure. */
  resultCode: ResultCodeSchema,
  resultDesc: ResultDescriptionSchema,
  satisfactionSurvey: SatisfactionSurveySchema,
});

/**
 * `POST /apiaccess/ccmessaging/getsatisfactionsurveymode` (lower-case path): which survey to show at the end of a
 * chat — none (`surveyType: NO`), or levels and questions for {@link AiccSession.saveSatisfaction}.
 *
 * @internal
 */
export async function querySurveyMode(context: SessionContext, options: SurveyModeOptions | undefined): Promise<SatisfactionSurvey> {
  const parsed = parseInput(SurveyModeOptionsSchema, options, 'surveyMode options');
  const body = parsed.language === undefined ? {} : { language: parsed.language };
  const answer = await callApi(context, { api: 'getsatisfactionsurveymode', body, signal: parsed.signal }, SurveyModeResponseSchema);
  return answer.satisfactionSurvey;
}
