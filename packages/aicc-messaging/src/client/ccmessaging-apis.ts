/** The path prefix of every CC-Messaging web client API. */
export const CCMESSAGING_PATH_PREFIX = '/apiaccess/ccmessaging/';

/** The documented path of API Fabric's `tokenByAkSk`. */
export const DEFAULT_FABRIC_TOKEN_PATH = '/apigovernance/api/oauth/tokenByAkSk';

/** The request and response header that carries the `ccmessaging-token`. */
export const MESSAGE_TOKEN_HEADER = 'ccmessaging-token';

/** The header that names the API Fabric app on every ccmessaging call. */
export const APP_KEY_HEADER = 'x-app-key';

/**
 * The `Content-Type` of every POST this package sends — to `tokenByAkSk`, to the ccmessaging APIs and to a
 * gateway: `application/json;charset=UTF-8`, as Huawei's Vue demo sends it (devg-webdemo-cec cec_05_1115,
 * 2023-08-28) and as the click-to-dial guide lists it for applyToken (devg-voip-cec cec_05_1003, 2024-03-05).
 */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/**
 * The one CC-Messaging API read with GET (`poll`); every other is a POST. The default method of a client's request,
 * so that a browser bundle does not carry {@link CCMESSAGING_API_METHODS}.
 *
 * @internal
 */
export const GET_API = 'poll';

/**
 * The CC-Messaging APIs this package calls, with their HTTP method (`GET` for `poll` only). Names are the path after
 * {@link CCMESSAGING_PATH_PREFIX}, spelled as AICC spells them (`getsatisfactionsurveymode` is lower-case).
 */
export const CCMESSAGING_API_METHODS = {
  applyToken: 'POST',
  send: 'POST',
  sendAsync: 'POST',
  poll: 'GET',
  queryQueueInfo: 'POST',
  queryHistoryChatMessage: 'POST',
  doLeaveMessage: 'POST',
  uploadFileStream: 'POST',
  downloadFileStream: 'POST',
  queryPhraseByKeyword: 'POST',
  getsatisfactionsurveymode: 'POST',
  saveSatisfaction: 'POST',
  'v1/robot/feedbacksatisfaction': 'POST',
} as const;

/** A CC-Messaging API this package knows. */
export type CcmessagingApi = keyof typeof CCMESSAGING_API_METHODS;

/**
 * What an API name may look like: path segments of letters and digits separated by `/` (no `..`, no query).
 * Other APIs (click-to-call, …) can be called through `client.request` as long as they fit.
 */
export const API_NAME_PATTERN = /^[A-Za-z0-9]+(?:\/[A-Za-z0-9]+)*$/;
