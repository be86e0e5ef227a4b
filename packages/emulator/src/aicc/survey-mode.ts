import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { faqLanguageOf } from './faq-catalogue.js';

/** Languages `getsatisfactionsurveymode` accepts in `language`. */
export const SURVEY_LANGUAGES: readonly string[] = ['zh_CN', 'en_US', 'pt_BR', 'ar_SA', 'fr_FR', 'es_ES'];

const LEVEL_DESCRIPTIONS: Readonly<Record<'en' | 'zh', readonly string[]>> = {
  en: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  zh: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
};

/**
 * `POST /apiaccess/ccmessaging/getsatisfactionsurveymode` (lower-case path): the tenant's survey — `surveyType
 * WEB`, five levels `"1"` (very dissatisfied) … `"5"` (very satisfied) and the questions `FCR`, `NPS`, `CSAT`.
 * `language` is optional (empty → the token's locale); level texts are Chinese for `zh_CN`, English otherwise.
 * An unknown language → `resultCode "13"`.
 */
export function getSurveyMode(token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const { language } = body;
  if (
    language !== undefined &&
    language !== null &&
    language !== '' &&
    (typeof language !== 'string' || !SURVEY_LANGUAGES.includes(language))
  ) {
    return { body: { resultCode: '13', resultDesc: `language must be one of ${SURVEY_LANGUAGES.join(', ')}.` } };
  }
  const chosen = typeof language === 'string' && language !== '' ? language : token.locale;
  const descriptions = LEVEL_DESCRIPTIONS[faqLanguageOf(chosen) === 'zh' ? 'zh' : 'en'];
  return {
    body: {
      resultCode: '0',
      resultDesc: 'get satisfaction survey mode success.',
      satisfactionSurvey: {
        surveyType: 'WEB',
        satisfactionLevel: descriptions.map((satisfactionLevelDesc, index) => ({
          satisfactionLevelKey: String(index + 1),
          satisfactionLevelDesc,
        })),
        satisfactionQuestion: ['FCR', 'NPS', 'CSAT'],
      },
    },
  };
}
