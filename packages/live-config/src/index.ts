/**
 * @tokenwire/live-config — TUILiveKit callback configuration for Tencent Cloud: the seven `live_config`
 * commands, callback token generation and rotation, and verification of the callbacks Tencent sends, as typed
 * events. Free functions taking the client first, so bundles keep only what they use. Web-standard APIs only.
 *
 * @packageDocumentation
 */

export type { LiveConfigCallOptions, LiveConfigClient } from './live-config-client.js';
export { LIVE_CONFIG_SERVICE } from './live-config-client.js';
export type { CallbackCommand, KnownCallbackCommand } from './known-callback-commands.js';
export {
  CALLBACK_COMMAND_ALIASES,
  canonicalCallbackCommand,
  isKnownCallbackCommand,
  KNOWN_CALLBACK_COMMANDS,
} from './known-callback-commands.js';

// callback token
export { CallbackTokenSchema, MAX_CALLBACK_TOKEN_LENGTH } from './callback-token-schema.js';
export type { CallbackTokenSettings } from './set-callback-token.js';
export { setCallbackToken } from './set-callback-token.js';
export type { CallbackTokenConfiguration } from './get-callback-token.js';
export { CALLBACK_TOKEN_NOT_CONFIGURED, CallbackTokenResponseSchema, getCallbackToken } from './get-callback-token.js';
export { deleteCallbackToken } from './delete-callback-token.js';
export type { GenerateCallbackTokenOptions, RandomBytesSource } from './generate-callback-token.js';
export { CALLBACK_TOKEN_ALPHABET, generateCallbackToken } from './generate-callback-token.js';
export type { CallbackTokenRotation, RotateCallbackTokenOptions } from './rotate-callback-token.js';
export { DEFAULT_ROTATION_OVERLAP_SECONDS, rotateCallbackToken } from './rotate-callback-token.js';

// callback configuration
export type { CallbackConfiguration } from './callback-configuration-schema.js';
export { CallbackConfigurationSchema } from './callback-configuration-schema.js';
export { CALLBACK_ALREADY_CONFIGURED, CALLBACK_NOT_CONFIGURED, setCallback } from './set-callback.js';
export { updateCallback } from './update-callback.js';
export type { CallbackConfigurationResponse } from './get-callback.js';
export { CallbackConfigurationResponseSchema, getCallback } from './get-callback.js';
export { deleteCallback } from './delete-callback.js';
export type { UpsertCallbackOutcome } from './upsert-callback.js';
export { upsertCallback } from './upsert-callback.js';

// receiving callbacks
export type { CallbackInput, RawCallback } from './callback-source.js';
export type { VerifyLiveCallbackOptions } from './verify-live-callback.js';
export { verifyLiveCallback } from './verify-live-callback.js';
export type { CallbackAcceptOptions, CallbackAckBody, CallbackAckKind, CallbackAckOptions, CallbackRefuseOptions } from './callback-ack.js';
export { CallbackAckBodySchema, callbackAck } from './callback-ack.js';
export type { JsonObject, JsonValue, ParseJsonExactResult } from './parse-json-exact.js';
export { MAX_JSON_DEPTH, parseJsonExact } from './parse-json-exact.js';

// callback events
export type {
  CallbackCommandMismatch,
  KnownLiveCallbackEvent,
  LiveCallbackEvent,
  LiveCallbackMetadata,
  UnknownLiveCallbackEvent,
} from './callback-events/live-callback-event.js';
export type { LiveCallbackBody } from './callback-events/live-callback-body-schemas.js';
export { LIVE_CALLBACK_BODY_SCHEMAS } from './callback-events/live-callback-body-schemas.js';
export type { LooseCallbackBody, LooseCallbackBodySchema } from './callback-events/loose-callback-body.js';
export { looseCallbackBodySchema } from './callback-events/loose-callback-body.js';
export type {
  CallbackCommandFieldSchema,
  IntegerSchema,
  LenientIntegerSchema,
  OpenPicklistSchema,
} from './callback-events/callback-field-schemas.js';
export { IdentifierSchema } from './callback-events/callback-field-schemas.js';
export type { CallbackRoomAttributeEntries, CallbackRoomInfo, DestroyedRoomInfo } from './callback-events/callback-room-info.js';
export { CallbackRoomInfoSchema, DestroyedRoomInfoSchema } from './callback-events/callback-room-info.js';
export type { AfterCreateRoomBody } from './callback-events/after-create-room.js';
export { AfterCreateRoomBodySchema } from './callback-events/after-create-room.js';
export type { AfterUpdateRoomInfoBody } from './callback-events/after-update-room-info.js';
export { AfterUpdateRoomInfoBodySchema } from './callback-events/after-update-room-info.js';
export type { RoomInfoBodySchema } from './callback-events/room-info-body.js';
export type { AfterDestroyRoomBody } from './callback-events/after-destroy-room.js';
export { AfterDestroyRoomBodySchema, DestroyedRoomStatisticSchema } from './callback-events/after-destroy-room.js';
export type { AfterMemberStateChangedBody } from './callback-events/after-member-state-changed.js';
export { AfterMemberStateChangedBodySchema } from './callback-events/after-member-state-changed.js';
export type { AfterChangeOwnerBody } from './callback-events/after-change-owner.js';
export { AfterChangeOwnerBodySchema } from './callback-events/after-change-owner.js';
export type { BeforeSendGiftBody, GiftWater } from './callback-events/before-send-gift.js';
export { BeforeSendGiftBodySchema, GiftWaterSchema } from './callback-events/before-send-gift.js';
export type { AfterCloudRecordingChangedBody } from './callback-events/after-cloud-recording-changed.js';
export { AfterCloudRecordingChangedBodySchema, CloudRecordingEventInfoSchema } from './callback-events/after-cloud-recording-changed.js';
