import { optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { CallOptionEntries } from '../input/signal-options.js';
import {
  SURVEY_LANGUAGES,
  type SatisfactionLevel,
  type SatisfactionQuestion,
  type SurveyLanguage,
  type SurveyType,
} from '../messages/enumerations.js';
import type { EntriesOf } from '../messages/entries-of.js';
import {
  IntegerTextSchema,
  OptionalStringSchema,
  openPicklist,
  optionalList,
  ResultCodeSchema,
  ResultDescriptionSchema,
} from '../messages/response-fields.js';
import type { AiccSession } from './create-aicc-session.js';
import { callApi } from './session-caller.js';
import { sessionContext } from './session-registry.js';

/** Options of {@link querySurveyMode}. */
export interface SurveyModeOptions {
  /** Language of the level descriptions; the tenant's default when omitted. */
  readonly language?: SurveyLanguage | undefined;
  readonly signal?: AbortSignal | undefined;
}

const SurveyModeOptionsSchema = /* @__PURE__ */ (() =>
  v.optional(
    optionsObject(
      { ...CallOptionEntries, language: v.optional(v.picklist(SURVEY_LANGUAGES, `must be one of ${SURVEY_LANGUAGES.join(', ')}`)) },
      'an object of survey options',
    ),
    {},
  ))();

/** One satisfaction level of the tenant's survey. Unknown fields pass through. */
export interface SatisfactionSurveyLevel {
  /** `"1"` very dissatisfied … `"5"` very satisfied (AICC may send it as a number; it comes out as a string). */
  satisfactionLevelKey: SatisfactionLevel | (string & {});
  /** The level's description, in the language asked for. */
  satisfactionLevelDesc?: string | null | undefined;
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The `satisfactionSurvey` object: how (and whether) the tenant surveys satisfaction. Unknown fields pass through. */
export interface SatisfactionSurvey {
  /** `WEB` — show the survey; `NO` — none configured: just DISCONNECT. */
  surveyType: SurveyType | (string & {});
  /** The levels to offer; empty when AICC sends none. */
  satisfactionLevel: SatisfactionSurveyLevel[];
  /** `FCR`, `NPS`, `CSAT`: which questions the survey asks; empty when AICC sends none. */
  satisfactionQuestion: (SatisfactionQuestion | (string & {}))[];
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The `getsatisfactionsurveymode` answer. Unknown fields pass through. */
interface SurveyModeResponse {
  /** `0` success, `13` failure. */
  resultCode: string;
  resultDesc?: string | undefined;
  satisfactionSurvey: SatisfactionSurvey;
  [field: string]: unknown;
}

const SurveyModeResponseSchema: v.GenericSchema<unknown, SurveyModeResponse> = /* @__PURE__ */ (() => {
  const level = v.looseObject({
    satisfactionLevelKey: IntegerTextSchema,
    satisfactionLevelDesc: OptionalStringSchema,
  } satisfies EntriesOf<SatisfactionSurveyLevel>);
  const survey = v.looseObject({
    surveyType: openPicklist<SurveyType>(),
    satisfactionLevel: optionalList(level, 'must be an array of levels'),
    satisfactionQuestion: optionalList(openPicklist<SatisfactionQuestion>(), 'must be an array of strings'),
  } satisfies EntriesOf<SatisfactionSurvey>);
  return v.looseObject({
    resultCode: ResultCodeSchema,
    resultDesc: ResultDescriptionSchema,
    satisfactionSurvey: survey,
  } satisfies EntriesOf<SurveyModeResponse>);
})();

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
