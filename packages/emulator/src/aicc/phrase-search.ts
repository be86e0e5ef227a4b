import type { HandlerResult } from './aicc-responses.js';
import { faqLanguageOf, findPhrases } from './faq-catalogue.js';

/** Most questions `queryPhraseByKeyword` returns. */
export const PHRASE_MAX_MATCHES = 5;

/**
 * The `locale` `queryPhraseByKeyword` takes: a language **without** country code (`zh`, not `zh_CN`), as the
 * developer guide's cec_05_2045 and the 2023 API reference require it.
 */
export const PHRASE_LOCALE_PATTERN = /^[a-z]{2,3}$/;

/**
 * `POST /apiaccess/ccmessaging/queryPhraseByKeyword`: up to five FAQ questions of the built-in catalogue that
 * contain `strContent` (case-insensitive), in the language of `locale` (`en` or `zh`). A missing `strContent`
 * → `resultCode "1"` `request is no exsit` (AICC's wording); a locale with a country code (`zh_CN`), a malformed
 * or unsupported one → `"1"` `locale is error`; `channel` must be `WEB`.
 */
export function queryPhrases(body: Record<string, unknown>): HandlerResult {
  const failure = (resultDesc: string): HandlerResult => ({ body: { resultCode: '1', resultDesc } });
  const { strContent, locale, channel } = body;
  if (typeof strContent !== 'string') return failure('request is no exsit');
  if (channel !== 'WEB') return failure('channel must be WEB.');
  const language = typeof locale === 'string' && PHRASE_LOCALE_PATTERN.test(locale) ? faqLanguageOf(locale) : undefined;
  if (language === undefined) return failure('locale is error');
  return {
    body: { resultCode: '0', resultDesc: 'query phrase success.', question: findPhrases(language, strContent, PHRASE_MAX_MATCHES) },
  };
}
