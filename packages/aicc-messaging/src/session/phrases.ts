import { optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { CallOptionEntries } from '../input/signal-options.js';
import { LOCALE_PATTERN } from '../token/aicc-user.js';
import { CHANNEL } from '../messages/enumerations.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { optionalList, ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import type { AiccSession } from './create-aicc-session.js';
import { callApi } from './session-caller.js';
import { sessionContext } from './session-registry.js';

/** What {@link queryPhrases} takes. */
export interface PhrasesInput {
  /** What the user has typed so far (`strContent`). */
  readonly keyword: string;
  /**
   * Defaults to the session's locale. Only its language is sent (`zh_CN` → `zh`): AICC wants the locale without
   * country code here (cec_05_2045, cec_07_2223).
   */
  readonly locale?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

const PhrasesInputSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      ...CallOptionEntries,
      keyword: v.pipe(
        v.string('must be a string'),
        v.check((text) => text.trim() !== '', 'must not be empty'),
      ),
      locale: v.optional(
        v.pipe(v.string('must be a string'), v.regex(LOCALE_PATTERN, 'must be an ISO 639 code with an optional region, e.g. en or zh_CN')),
      ),
    },
    'an object with keyword',
  ))();

/** The `queryPhraseByKeyword` answer. `question` absent or `null` reads as empty. Unknown fields pass through. */
interface PhrasesResponse {
  resultCode: string;
  resultDesc?: string | undefined;
  /** Up to five best-matching FAQ questions. */
  question: string[];
  [field: string]: unknown;
}

const PhrasesResponseSchema: v.GenericSchema<unknown, PhrasesResponse> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: ResultCodeSchema,
    resultDesc: ResultDescriptionSchema,
    question: optionalList(v.string('must be a string'), 'must be an array of strings'),
  } satisfies EntriesOf<PhrasesResponse>))();

/** Suggested questions for a keyword. */
export interface Phrases {
  readonly questions: readonly string[];
}

/** The language of a locale, without region: `zh_CN` → `zh`, `en-US` → `en`. */
function languageOf(locale: string): string {
  return locale.split(/[_-]/)[0]!;
}

/**
 * `POST /apiaccess/ccmessaging/queryPhraseByKeyword`: type-ahead suggestions from the robot's FAQ (needs a robot on
 * the channel and an active FAQ group). The locale is sent without country code, as the pages require and every
 * example sends it (`"locale": "zh"`: devg-webclint-cec cec_05_2045/2047, 2024-03-05; api-cec cec_07_2223).
 *
 * A function rather than a session method, so that a browser bundle that does not use it does not carry it.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for malformed input or a value that is not a
 *   session (nothing is sent); {@link AiccApiError} when AICC refuses; the transport errors of the session's client.
 * @example
 * ```ts
 * const { questions } = await queryPhrases(session, { keyword: input.value });
 * ```
 */
export async function queryPhrases(session: AiccSession, input: PhrasesInput): Promise<Phrases> {
  const context = sessionContext(session, 'phrases input');
  const parsed = parseInput(PhrasesInputSchema, input, 'phrases input');
  const body = { strContent: parsed.keyword, locale: languageOf(parsed.locale ?? context.user.locale), channel: CHANNEL };
  const answer = await callApi(context, { api: 'queryPhraseByKeyword', body, signal: parsed.signal }, PhrasesResponseSchema);
  return { questions: answer.question };
}
