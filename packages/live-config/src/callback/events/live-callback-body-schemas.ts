import type * as v from 'valibot';
import type { KnownCallbackCommand } from '../known-callback-commands.js';
import { type AfterChangeOwnerBody, AfterChangeOwnerBodySchema } from './after-change-owner.js';
import { type AfterCloudRecordingChangedBody, AfterCloudRecordingChangedBodySchema } from './after-cloud-recording-changed.js';
import { type AfterCreateRoomBody, AfterCreateRoomBodySchema } from './after-create-room.js';
import { type AfterDestroyRoomBody, AfterDestroyRoomBodySchema } from './after-destroy-room.js';
import { type AfterMemberStateChangedBody, AfterMemberStateChangedBodySchema } from './after-member-state-changed.js';
import { type AfterUpdateRoomInfoBody, AfterUpdateRoomInfoBodySchema } from './after-update-room-info.js';
import { type BeforeSendGiftBody, BeforeSendGiftBodySchema } from './before-send-gift.js';
import { type LooseCallbackBody, looseCallbackBodySchema } from './loose-callback-body.js';

/**
 * The parsed body of every known LiveKit callback command, by command. Each requires only what identifies the event
 * (the room id, where the command has one) and types every other documented field as optional; the commands
 * tokenwire types loosely have the shared fields only ({@link LooseCallbackBody}). Fields Tencent adds later pass
 * through.
 */
export interface LiveCallbackBodies {
  'Live.CallbackAfterCreateRoom': AfterCreateRoomBody;
  'Live.CallbackAfterDestroyRoom': AfterDestroyRoomBody;
  'Live.CallbackAfterUpdateRoomInfo': AfterUpdateRoomInfoBody;
  'Live.CallbackAfterSetMetadata': LooseCallbackBody<'Live.CallbackAfterSetMetadata'>;
  'Live.CallbackAfterDelMetadata': LooseCallbackBody<'Live.CallbackAfterDelMetadata'>;
  'Live.CallbackAfterCreateRoomReachingThreshold': LooseCallbackBody<'Live.CallbackAfterCreateRoomReachingThreshold'>;
  'Live.CallbackAfterMemberStateChanged': AfterMemberStateChangedBody;
  'Live.CallbackAfterChangeOwner': AfterChangeOwnerBody;
  'Live.CallbackAfterModifyAdmin': LooseCallbackBody<'Live.CallbackAfterModifyAdmin'>;
  'Mic.CallbackAfterSeatInfoChanged': LooseCallbackBody<'Mic.CallbackAfterSeatInfoChanged'>;
  'Live.CallbackAfterCreateBattle': LooseCallbackBody<'Live.CallbackAfterCreateBattle'>;
  'Live.CallbackAfterStartBattle': LooseCallbackBody<'Live.CallbackAfterStartBattle'>;
  'Live.CallbackAfterEndBattle': LooseCallbackBody<'Live.CallbackAfterEndBattle'>;
  'Live.CallbackBeforeSendGift': BeforeSendGiftBody;
  'Live.CallbackBeforeCallBackNotBlock': LooseCallbackBody<'Live.CallbackBeforeCallBackNotBlock'>;
  'Group.CallbackAfterSendMsg': LooseCallbackBody<'Group.CallbackAfterSendMsg'>;
  'Group.CallbackBeforeSendMsg': LooseCallbackBody<'Group.CallbackBeforeSendMsg'>;
  'Follow.CallbackAfterFollowAdd': LooseCallbackBody<'Follow.CallbackAfterFollowAdd'>;
  'Follow.CallbackAfterFollowDelete': LooseCallbackBody<'Follow.CallbackAfterFollowDelete'>;
  'Live.CallbackAfterCloudRecordingChanged': AfterCloudRecordingChangedBody;
}

/** The parsed body of known callback `TCommand`, e.g. `LiveCallbackBody<'Live.CallbackBeforeSendGift'>`. */
export type LiveCallbackBody<TCommand extends KnownCallbackCommand> = LiveCallbackBodies[TCommand];

/**
 * The body schema of every known LiveKit callback command ({@link LiveCallbackBodies}): loose objects that accept
 * every documented variant — integers also as strings of digits — and require only what identifies the event.
 *
 * `verifyLiveCallback` applies them for you. They are exported — the package's other schemas are not — for
 * bodies that reach you another way than through `verifyLiveCallback`, such as a queue that carries the raw body of
 * a callback verified at the edge: parse it with `parseJsonExact`, then with the command's schema.
 *
 * @example
 * ```ts
 * const parsed = parseJsonExact(message.rawBody);
 * if (parsed.ok) {
 *   const result = v.safeParse(LIVE_CALLBACK_BODY_SCHEMAS['Live.CallbackBeforeSendGift'], parsed.value);
 *   if (result.success) console.log(result.output.GiftWater?.Coins);
 * }
 * ```
 */
export const LIVE_CALLBACK_BODY_SCHEMAS: {
  readonly [TCommand in KnownCallbackCommand]: v.GenericSchema<unknown, LiveCallbackBodies[TCommand]>;
} = /* @__PURE__ */ (() => ({
  'Live.CallbackAfterCreateRoom': AfterCreateRoomBodySchema,
  'Live.CallbackAfterDestroyRoom': AfterDestroyRoomBodySchema,
  'Live.CallbackAfterUpdateRoomInfo': AfterUpdateRoomInfoBodySchema,
  'Live.CallbackAfterSetMetadata': looseCallbackBodySchema('Live.CallbackAfterSetMetadata'),
  'Live.CallbackAfterDelMetadata': looseCallbackBodySchema('Live.CallbackAfterDelMetadata'),
  'Live.CallbackAfterCreateRoomReachingThreshold': looseCallbackBodySchema('Live.CallbackAfterCreateRoomReachingThreshold'),
  'Live.CallbackAfterMemberStateChanged': AfterMemberStateChangedBodySchema,
  'Live.CallbackAfterChangeOwner': AfterChangeOwnerBodySchema,
  'Live.CallbackAfterModifyAdmin': looseCallbackBodySchema('Live.CallbackAfterModifyAdmin'),
  'Mic.CallbackAfterSeatInfoChanged': looseCallbackBodySchema('Mic.CallbackAfterSeatInfoChanged'),
  'Live.CallbackAfterCreateBattle': looseCallbackBodySchema('Live.CallbackAfterCreateBattle'),
  'Live.CallbackAfterStartBattle': looseCallbackBodySchema('Live.CallbackAfterStartBattle'),
  'Live.CallbackAfterEndBattle': looseCallbackBodySchema('Live.CallbackAfterEndBattle'),
  'Live.CallbackBeforeSendGift': BeforeSendGiftBodySchema,
  'Live.CallbackBeforeCallBackNotBlock': looseCallbackBodySchema('Live.CallbackBeforeCallBackNotBlock'),
  'Group.CallbackAfterSendMsg': looseCallbackBodySchema('Group.CallbackAfterSendMsg'),
  'Group.CallbackBeforeSendMsg': looseCallbackBodySchema('Group.CallbackBeforeSendMsg'),
  'Follow.CallbackAfterFollowAdd': looseCallbackBodySchema('Follow.CallbackAfterFollowAdd'),
  'Follow.CallbackAfterFollowDelete': looseCallbackBodySchema('Follow.CallbackAfterFollowDelete'),
  'Live.CallbackAfterCloudRecordingChanged': AfterCloudRecordingChangedBodySchema,
}))();
