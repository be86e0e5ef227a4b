import type { HandlerResult } from './aicc-responses.js';
import { faqLanguageOf, findPhrases } from './faq-catalogue.js';
import { LOCALE_PATTERN } from './message-token.js';

/** Most questions `queryPhraseByKeyword` returns. */
export const PHRASE_MAX_MATCHES = 5;

/**
 * `POST /apiaccess/ccmessaging/queryPhraseByKeyword`: up to five FAQ questions of the built-in catalogue that
 * contain `strContent` (case-insensitive), in the language of `locale` (`en…` or `zh…`). A missing `strContent`
 * → `resultCode "1"` `request is no exsit` (AICC's wording); a malformed or unsupported locale → `"1"`
 * `locale is error`; `channel` must be `WEB`.
 */
export function queryPhrases(body: Record<string, unknown>): HandlerResult {
  const failure = (resultDesc: string): HandlerResult => ({ body: { resultCode: '1', resultDesc } });
  const { strContent, locale, channel } = body;
  if (typeof strContent !== 'string') return failure('request is no exsit');
  if (channel !== 'WEB') return failure('channel must be WEB.');
  const language = typeof locale === 'string' && LOCALE_PATTERN.test(locale) ? faqLanguageOf(locale) : undefined;
  if (language === undefined) return failure('locale is error');
  return { body: { resultCode: '0', resultDesc: 'query phrase success.', question: findPhrases(language, strContent, PHRASE_MAX_MATCHES) } };
}
