import * as v from 'valibot';
import { objectMessage, parseInput } from '../input/parse-input.js';
import { CallOptionEntries } from '../input/signal-options.js';
import {
  type SATISFACTION_LEVELS,
  SURVEY_LANGUAGES,
  type SatisfactionLevel,
  type SatisfactionQuestion,
  type SurveyLanguage,
  type SurveyType,
} from '../messages/enumerations.js';
import {
  openPicklist,
  optionalList,
  ResultCodeSchema,
  ResultDescriptionSchema,
  type OpenPicklistSchema,
  type OptionalListSchema,
  type OptionalStringSchema,
} from '../messages/response-fields.js';
import type { AiccSession } from './create-aicc-session.js';
import { callApi } from './session-caller.js';
import { sessionContext } from './session-registry.js';

/** Options of {@link AiccSession.surveyMode}. */
export interface SurveyModeOptions {
  /** Language of the level descriptions; the tenant's default when omitted. */
  readonly language?: SurveyLanguage | undefined;
  readonly signal?: AbortSignal | undefined;
}

const SurveyModeOptionsSchema = /* @__PURE__ */ (() =>
  v.optional(
    v.strictObject(
      { ...CallOptionEntries, language: v.optional(v.picklist(SURVEY_LANGUAGES, `must be one of ${SURVEY_LANGUAGES.join(', ')}`)) },
      objectMessage('an object of survey options'),
    ),
    {},
  ))();

/** One satisfaction level of the tenant's survey. */
export const SatisfactionLevelSchema: v.LooseObjectSchema<
  {
    readonly satisfactionLevelKey: v.SchemaWithPipe<
      readonly [
        v.UnionSchema<
          [v.StringSchema<undefined>, v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>]>],
          string
        >,
        v.TransformAction<string | number, string>,
        v.TransformAction<string, SatisfactionLevel | (string & {})>,
      ]
    >;
    readonly satisfactionLevelDesc: OptionalStringSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    satisfactionLevelKey: v.pipe(
      v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer'),
      v.transform(String),
      v.transform((key) => key as (typeof SATISFACTION_LEVELS)[number] | (string & {})),
    ),
    satisfactionLevelDesc: v.optional(v.nullable(v.string('must be a string'))),
  }))();

/** The `satisfactionSurvey` object: how (and whether) the tenant surveys satisfaction. */
export const SatisfactionSurveySchema: v.LooseObjectSchema<
  {
    /** `WEB` — show the survey; `NO` — none configured: just DISCONNECT. */
    readonly surveyType: OpenPicklistSchema<SurveyType>;
    readonly satisfactionLevel: OptionalListSchema<typeof SatisfactionLevelSchema>;
    /** `FCR`, `NPS`, `CSAT`. */
    readonly satisfactionQuestion: OptionalListSchema<OpenPicklistSchema<SatisfactionQuestion>>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    surveyType: openPicklist<SurveyType>(),
    satisfactionLevel: optionalList(SatisfactionLevelSchema, 'must be an array of levels'),
    satisfactionQuestion: optionalList(openPicklist<SatisfactionQuestion>(), 'must be an array of strings'),
  }))();

/** The tenant's satisfaction survey. */
export type SatisfactionSurvey = v.InferOutput<typeof SatisfactionSurveySchema>;

/** The `getsatisfactionsurveymode` answer. Unknown fields pass through. */
export const SurveyModeResponseSchema: v.LooseObjectSchema<
  {
    /** `0` success, `13` failure. */
    readonly resultCode: typeof ResultCodeSchema;
    readonly resultDesc: typeof ResultDescriptionSchema;
    readonly satisfactionSurvey: typeof SatisfactionSurveySchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: ResultCodeSchema,
    resultDesc: ResultDescriptionSchema,
    satisfactionSurvey: SatisfactionSurveySchema,
  }))();

/**
 * `POST /apiaccess/ccmessaging/getsatisfactionsurveymode` (lower-case path): which survey to show at the end of a
 * chat — none (`surveyType: NO`), or levels and questions for {@link AiccSession.saveSatisfaction}.
 *
 * A function rather than a session method, so that a browser bundle that does not use it does not carry it.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for malformed input or a value that is not a
 *   session (nothing is sent); {@link AiccApiError} when AICC refuses; the transport errors of the session's client.
 * @example
 * ```ts
 * const survey = await querySurveyMode(session, { language: 'en' });
 * if (survey.surveyType === 'WEB') showSurvey(survey.satisfactionLevel);
 * ```
 */
export async function querySurveyMode(session: AiccSession, options?: SurveyModeOptions): Promise<SatisfactionSurvey> {
  const context = sessionContext(session, 'surveyMode options');
  const parsed = parseInput(SurveyModeOptionsSchema, options, 'surveyMode options');
  const body = parsed.language === undefined ? {} : { language: parsed.language };
  const answer = await callApi(context, { api: 'getsatisfactionsurveymode', body, signal: parsed.signal }, SurveyModeResponseSchema);
  return answer.satisfactionSurvey;
}
