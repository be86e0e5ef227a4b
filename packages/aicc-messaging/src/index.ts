/**
 * @tokenwire/aicc-messaging — the Huawei AICC CC-Messaging web client API: the API Fabric AccessToken and
 * `ccmessaging-token` lifecycle, typed chat sessions (connect, send, long poll, transfer, history, files,
 * satisfaction), and a browser-safe mode that talks to a gateway holding the AK/SK. Web-standard APIs only.
 *
 * @packageDocumentation
 */

// clients
export type { AiccClient, AiccClientMode, AiccRequest, AiccResponse } from './client/aicc-client.js';
export type { MessageTokenSource } from './client/message-token-source.js';
export type { AiccClientOptions, AiccDirectClient } from './client/create-aicc-client.js';
export { createAiccClient } from './client/create-aicc-client.js';
export type { AiccTransportOptions } from './client/transport-settings.js';
export { DEFAULT_AICC_TIMEOUT_MS } from './client/transport-settings.js';
export type { AccessTokenCache, AccessTokenGrant } from './client/access-token-cache.js';
export { ACCESS_TOKEN_REFRESH_MARGIN_MS } from './client/access-token-cache.js';
export type { TokenByAkSkResponse } from './client/token-by-ak-sk.js';
export { DEFAULT_ACCESS_TOKEN_TTL_SECONDS, MAX_ACCESS_TOKEN_TTL_SECONDS, MIN_ACCESS_TOKEN_TTL_SECONDS } from './client/token-by-ak-sk.js';
export type { CcmessagingApi } from './client/ccmessaging-apis.js';
export {
  APP_KEY_HEADER,
  CCMESSAGING_API_METHODS,
  CCMESSAGING_PATH_PREFIX,
  DEFAULT_FABRIC_TOKEN_PATH,
  JSON_CONTENT_TYPE,
  MESSAGE_TOKEN_HEADER,
} from './client/ccmessaging-apis.js';

// gateway (browser-safe mode)
export type { AiccGatewayClientOptions } from './gateway/create-aicc-gateway-client.js';
export { createAiccGatewayClient } from './gateway/create-aicc-gateway-client.js';
export {
  GATEWAY_CCMESSAGING_APIS,
  GATEWAY_CCMESSAGING_PREFIX,
  GATEWAY_ERROR_HEADER,
  GATEWAY_EXPOSED_HEADERS,
  GATEWAY_MAX_BODY_BYTES,
  GATEWAY_MAX_UPLOAD_BODY_BYTES,
  GATEWAY_REQUEST_HEADERS,
  GATEWAY_TOKEN_PATH,
} from './gateway/gateway-contract.js';

// errors
export type { AiccApiErrorInit, AiccResultField } from './errors/aicc-api-error.js';
export { AiccApiError, FLOW_CONTROL_RESULT_CODE } from './errors/aicc-api-error.js';
export type { FabricAuthErrorInit, FabricAuthFailure } from './errors/fabric-auth-error.js';
export { FabricAuthError } from './errors/fabric-auth-error.js';
export type { GatewayErrorInit } from './errors/gateway-error.js';
export { GatewayError } from './errors/gateway-error.js';

// tokens
export type { AiccUser } from './token/aicc-user.js';
export { AiccUserSchema, LOCALE_PATTERN, MAX_USER_ID_LENGTH } from './token/aicc-user.js';
export type { ApplyTokenOptions, ApplyTokenResponse, MessageToken } from './token/apply-token.js';
export { applyToken, MESSAGE_TOKEN_LIFETIME_MS } from './token/apply-token.js';
export { unwrapToken } from './token/unwrap-token.js';

// sessions
export type { AiccSession, AiccSessionOptions } from './session/create-aicc-session.js';
export { createAiccSession } from './session/create-aicc-session.js';
export type { MessageTokenChange } from './session/message-token-holder.js';
export { MESSAGE_TOKEN_REFRESH_MARGIN_MS } from './session/message-token-holder.js';
export type { CallOptions } from './input/signal-options.js';
export type { SendOptions, SendResult } from './session/send-message.js';
export type { PollOptions, PollResponse, PollResult } from './session/poll-messages.js';
export { DEFAULT_POLL_TIMEOUT_MS } from './session/poll-messages.js';
export type { MessageStreamOptions } from './session/message-stream.js';
export { DEFAULT_MAX_CONSECUTIVE_POLL_FAILURES } from './session/message-stream.js';
export type { QueueInfo, QueueInfoResponse } from './session/queue-info.js';
export { NOT_QUEUING_RESULT_CODES } from './session/queue-info.js';
export type { HistoryOptions, HistoryPage } from './session/chat-history.js';
export { MAX_HISTORY_PAGE_SIZE } from './session/chat-history.js';
export type { LeaveMessageInput, LeaveMessageResult } from './session/leave-message.js';
export { CONTACT_NUMBER_PATTERN, leaveMessage, MAX_LEAVE_MESSAGE_USER_ID_LENGTH } from './session/leave-message.js';
export type { FileToUpload, UploadedFile, UploadFileInput } from './session/upload-file.js';
export { DEFAULT_MAX_UPLOAD_BYTES, uploadFile } from './session/upload-file.js';
export type { SendFileMessage } from './session/send-file.js';
export { sendFile } from './session/send-file.js';
export type { DownloadedFile, DownloadFileInput } from './session/download-file.js';
export { DEFAULT_MAX_DOWNLOAD_BYTES, downloadFile } from './session/download-file.js';
export type { Phrases, PhrasesInput } from './session/phrases.js';
export { queryPhrases } from './session/phrases.js';
export type { SatisfactionSurvey, SatisfactionSurveyLevel, SurveyModeOptions } from './session/survey-mode.js';
export { querySurveyMode } from './session/survey-mode.js';
export type { SaveSatisfactionInput, SaveSatisfactionResult } from './session/save-satisfaction.js';
export { MAX_NPS_SCORE, SATISFACTION_COMMENT_LIMIT } from './session/save-satisfaction.js';
export { MAX_SHORT_USER_ID_LENGTH } from './session/user-id-limit.js';
export type { RobotFeedbackInput, RobotFeedbackResult } from './session/robot-feedback.js';
export { MAX_FEEDBACK_CONTENT_LENGTH, sendRobotFeedback } from './session/robot-feedback.js';

// messages
export type { DownlinkMessage } from './messages/downlink-message.js';
export type { UnreadableMessage } from './messages/read-message-leniently.js';
export { readDownlinkMessage } from './messages/read-downlink-message.js';
export type { ResultOnlyResponse } from './messages/response-fields.js';
export type { HistoryMessage } from './messages/history-message.js';
export { readHistoryMessage } from './messages/read-history-message.js';
export type {
  FileMessage,
  LocationMessage,
  MediaMessage,
  ObjectKeyMediaType,
  OutgoingMessage,
  TextMessage,
  WebCardMessage,
} from './messages/outgoing-message.js';
export { MAX_MESSAGE_CONTENT_BYTES, OBJECT_KEY_MEDIA_TYPES, WEBCARD_MEDIA_FILE_TYPES } from './messages/outgoing-message.js';
export type {
  DownlinkControlType,
  DownlinkMediaType,
  DownlinkSourceType,
  DownloadFileType,
  SatisfactionLevel,
  SatisfactionQuestion,
  SurveyLanguage,
  SurveyType,
  UplinkControlType,
  UplinkMediaType,
  UploadFileType,
} from './messages/enumerations.js';
export {
  CHANNEL,
  DOWNLINK_CONTROL_TYPES,
  DOWNLINK_MEDIA_TYPES,
  DOWNLINK_SOURCE_TYPES,
  DOWNLOAD_FILE_TYPES,
  SATISFACTION_LEVELS,
  SATISFACTION_QUESTIONS,
  SURVEY_LANGUAGES,
  SURVEY_TYPES,
  UPLINK_CONTROL_TYPES,
  UPLINK_MEDIA_TYPES,
  UPLINK_SOURCE_TYPE,
  UPLOAD_FILE_TYPES,
} from './messages/enumerations.js';

// errors of @tokenwire/core this package throws, re-exported (the same classes: `isInstance` agrees whichever package
// they are imported from)
export {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
  TokenwireError,
  ValidationError,
} from '@tokenwire/core';
