/**
 * The emulated Huawei AICC CC-Messaging service: what the emulator composes as `emulator.aicc`.
 *
 * @packageDocumentation
 */

export type { AiccPushMessage, AiccService } from './aicc-service.js';
export { CCMESSAGING_PATH_PREFIX, createAiccService } from './aicc-service.js';
export type { AiccDialect } from './aicc-dialect.js';
export { AICC_DIALECTS, DEFAULT_AICC_DIALECT } from './aicc-dialect.js';
export type { AiccAgentOptions, AiccServiceOptions, ResolvedAiccServiceOptions } from './aicc-service-options.js';
export { DEFAULT_FABRIC_TOKEN_PATH } from './aicc-service-options.js';
export type {
  AccessTokenRecord,
  AiccCounters,
  AiccState,
  ChatSessionRecord,
  ChatSessionStatus,
  LeaveMessageRecord,
  MessageTokenRecord,
  RobotFeedbackRecord,
  SatisfactionRecord,
  UploadRecord,
} from './aicc-state.js';
export type {
  ChatHistoryMessage,
  DownlinkControlType,
  DownlinkMediaType,
  DownlinkMessage,
  DownlinkSourceType,
  UplinkControlType,
  UplinkMediaType,
  UplinkMessageRecord,
} from './chat-message.js';
export { FABRIC_AUTH_FAIL_MESSAGE, FABRIC_ERROR_CODES } from './aicc-responses.js';
export { MESSAGE_TOKEN_HEADER } from './message-token.js';
