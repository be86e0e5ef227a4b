/**
 * @tokenwire/live-config — TUILiveKit callback configuration for Tencent Cloud: the seven `live_config`
 * commands, callback token generation and rotation, and verification of the callbacks Tencent sends, as typed
 * events. Free functions taking the client first, so bundles keep only what they use. Web-standard APIs only.
 *
 * @packageDocumentation
 */

export type { LiveConfigCallOptions, LiveConfigClient } from './commands/live-config-client.js';
export { LIVE_CONFIG_SERVICE } from './commands/live-config-client.js';
export type { CallbackCommand, KnownCallbackCommand } from './callback/known-callback-commands.js';
export {
  CALLBACK_COMMAND_ALIASES,
  canonicalCallbackCommand,
  isKnownCallbackCommand,
  KNOWN_CALLBACK_COMMANDS,
} from './callback/known-callback-commands.js';

// callback token
export { CallbackTokenSchema, MAX_CALLBACK_TOKEN_LENGTH } from './callback/callback-token-schema.js';
export type { CallbackTokenSettings } from './commands/set-callback-token.js';
export { setCallbackToken } from './commands/set-callback-token.js';
export type { CallbackTokenConfiguration } from './commands/get-callback-token.js';
export { CALLBACK_TOKEN_NOT_CONFIGURED, getCallbackToken } from './commands/get-callback-token.js';
export { deleteCallbackToken } from './commands/delete-callback-token.js';
export type { GenerateCallbackTokenOptions, RandomBytesSource } from './commands/generate-callback-token.js';
export { CALLBACK_TOKEN_ALPHABET, generateCallbackToken } from './commands/generate-callback-token.js';
export type { CallbackTokenRotation, RotateCallbackTokenOptions } from './commands/rotate-callback-token.js';
export { DEFAULT_ROTATION_OVERLAP_SECONDS, rotateCallbackToken } from './commands/rotate-callback-token.js';

// callback configuration
export type { CallbackConfiguration } from './commands/callback-configuration.js';
export { CALLBACK_ALREADY_CONFIGURED, CALLBACK_NOT_CONFIGURED, setCallback } from './commands/set-callback.js';
export { updateCallback } from './commands/update-callback.js';
export type { CallbackConfigurationResponse } from './commands/get-callback.js';
export { getCallback } from './commands/get-callback.js';
export { deleteCallback } from './commands/delete-callback.js';
export type { UpsertCallbackOutcome } from './commands/upsert-callback.js';
export { upsertCallback } from './commands/upsert-callback.js';

// receiving callbacks
export type { CallbackInput, RawCallback } from './callback/callback-source.js';
export type { VerifyLiveCallbackOptions } from './callback/verify-live-callback.js';
export { verifyLiveCallback } from './callback/verify-live-callback.js';
export type { LiveCallbackVerifier } from './callback/create-live-callback-verifier.js';
export { createLiveCallbackVerifier } from './callback/create-live-callback-verifier.js';
export type {
  CallbackAcceptOptions,
  CallbackAckBody,
  CallbackAckKind,
  CallbackAckOptions,
  CallbackAckParts,
  CallbackRefuseOptions,
} from './callback/callback-ack-parts.js';
export { callbackAckParts } from './callback/callback-ack-parts.js';
export { callbackAck } from './callback/callback-ack.js';
export type {
  KnownLiveCallbackEventOf,
  LiveCallbackAnswer,
  LiveCallbackHandler,
  LiveCallbackHandlerContext,
  LiveCallbackRouteOptions,
  LiveCallbackRouter,
  LiveCallbackRouterOptions,
} from './callback/live-callback-router.js';
export { createLiveCallbackRouter, DEFAULT_CALLBACK_DEADLINE_MS } from './callback/live-callback-router.js';
export type { JsonObject, JsonValue, ParseJsonExactResult } from './callback/parse-json-exact.js';
export { MAX_JSON_DEPTH, parseJsonExact } from './callback/parse-json-exact.js';

// callback events: plain types; the body schemas are exported as one map, for bodies received another way
export type {
  CallbackCommandMismatch,
  KnownLiveCallbackEvent,
  LiveCallbackEvent,
  LiveCallbackMetadata,
  UnknownLiveCallbackEvent,
} from './callback/events/live-callback-event.js';
export type { LiveCallbackBodies, LiveCallbackBody } from './callback/events/live-callback-body-schemas.js';
export { LIVE_CALLBACK_BODY_SCHEMAS } from './callback/events/live-callback-body-schemas.js';
export type { LooseCallbackBody } from './callback/events/loose-callback-body.js';
export type { CallbackRoomAttributes, CallbackRoomInfo, DestroyedRoomInfo } from './callback/events/callback-room-info.js';
export type { RoomInfoBody } from './callback/events/room-info-body.js';
export type { AfterCreateRoomBody } from './callback/events/after-create-room.js';
export type { AfterUpdateRoomInfoBody } from './callback/events/after-update-room-info.js';
export type { AfterDestroyRoomBody, DestroyedRoomStatistic } from './callback/events/after-destroy-room.js';
export type { AfterMemberStateChangedBody, CallbackMember } from './callback/events/after-member-state-changed.js';
export type { AfterChangeOwnerBody } from './callback/events/after-change-owner.js';
export type { BeforeSendGiftBody, GiftWater } from './callback/events/before-send-gift.js';
export type {
  AfterCloudRecordingChangedBody,
  CloudRecordingEventInfo,
  CloudRecordingPayload,
} from './callback/events/after-cloud-recording-changed.js';

// errors this package throws, as @tokenwire/core defines them (the same classes: `isInstance` and `instanceof` agree
// whichever package they are imported from)
export type { CallbackSignatureErrorReason } from '@tokenwire/core';
export {
  CallbackSignatureError,
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  ResponseTooLargeError,
  TencentApiError,
  TimeoutError,
  TokenwireError,
  ValidationError,
} from '@tokenwire/core';
