/**
 * Which of Huawei's documentation sets the emulated AICC speaks where they disagree. Both describe the same REST
 * surface; they differ in a few answers and in how an expired token shows on the long poll:
 *
 * | | `api-reference` (default) | `developer-guide` |
 * | --- | --- | --- |
 * | pages | API Reference › Web Client Access Interface Reference (`api-cec` / `api-ccfs-cec` cec_07_22xx, 2023-09 … 2025-04 editions) | Developer Guide › web client and click-to-dial (`devg-webclint-cec` cec_05_20xx, `devg-voip-cec` cec_05_10xx, 2024-03-05) |
 * | `applyToken` success | `{ token, resultCode: "0" }` (cec_07_2214; devg-voip cec_05_1003) | `{ token: "\"…\"" }`: the token inside literal quotes, no `resultCode` (example of cec_05_2012) |
 * | `uploadFileStream` outcome | `returnCode` (cec_07_2205, cec_07_2222; the example of cec_05_2037 too) | `resultCode` / `resultDesc` (RspBody table of cec_05_2036) |
 * | `saveSatisfaction` outcome | `resultCode` / `resultDesc` (every table: cec_07_2226, cec_05_2025) | `returnCode`: `{ "returnCode": "0" }` (every example of cec_05_2027) |
 * | long poll with an expired `ccmessaging-token` | 401 (cec_07_0088; cec_05_2011) | 403: "the token expired during long polling: call tokenByAkSk and applyToken again" (devg-voip-cec cec_05_1010) |
 *
 * What the pages agree a request needs is enforced in both dialects (`saveSatisfaction.comment` present,
 * `npsScore`/`fcrValue` strings, `queryPhraseByKeyword.locale` without country code, …).
 */
export type AiccDialect = 'api-reference' | 'developer-guide';

/** Every {@link AiccDialect}, the default first. */
export const AICC_DIALECTS: readonly AiccDialect[] = /* @__PURE__ */ (() => Object.freeze(['api-reference', 'developer-guide']))();

/** The dialect of an emulated AICC without a `dialect` option. */
export const DEFAULT_AICC_DIALECT: AiccDialect = 'api-reference';

/**
 * The HTTP status a long poll gets in `dialect` when its `ccmessaging-token` is missing, unknown or expired: 401
 * in the API reference (cec_07_0088), 403 in the developer guide (cec_05_1010, where a 403 while long-polling
 * means both tokens must be renewed).
 */
export function pollTokenRejectionStatusOf(dialect: AiccDialect): 401 | 403 {
  return dialect === 'developer-guide' ? 403 : 401;
}
