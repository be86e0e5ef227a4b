import type * as v from 'valibot';
import type { KnownCallbackCommand } from '../known-callback-commands.js';
import { AfterChangeOwnerBodySchema } from './after-change-owner.js';
import { AfterCloudRecordingChangedBodySchema } from './after-cloud-recording-changed.js';
import { AfterCreateRoomBodySchema } from './after-create-room.js';
import { AfterDestroyRoomBodySchema } from './after-destroy-room.js';
import { AfterMemberStateChangedBodySchema } from './after-member-state-changed.js';
import { AfterUpdateRoomInfoBodySchema } from './after-update-room-info.js';
import { BeforeSendGiftBodySchema } from './before-send-gift.js';
import { type LooseCallbackBodySchema, looseCallbackBodySchema } from './loose-callback-body.js';

// Built inside a `@__PURE__` IIFE so bundlers drop it when unused (README: bundle size).

/**
 * The body schema of every known LiveKit callback command. Each requires only what identifies the event (the
 * room id, where the command has one) and types every other documented field as optional and lenient (integers
 * also as strings of digits); the commands tokenwire types loosely get the shared fields only (see
 * {@link looseCallbackBodySchema}). All are loose objects: fields Tencent adds later pass through untouched.
 *
 * @example
 * ```ts
 * const body = v.parse(LIVE_CALLBACK_BODY_SCHEMAS['Live.CallbackBeforeSendGift'], parsedJson);
 * ```
 */
export const LIVE_CALLBACK_BODY_SCHEMAS: {
  readonly 'Live.CallbackAfterCreateRoom': typeof AfterCreateRoomBodySchema;
  readonly 'Live.CallbackAfterDestroyRoom': typeof AfterDestroyRoomBodySchema;
  readonly 'Live.CallbackAfterUpdateRoomInfo': typeof AfterUpdateRoomInfoBodySchema;
  readonly 'Live.CallbackAfterSetMetadata': LooseCallbackBodySchema<'Live.CallbackAfterSetMetadata'>;
  readonly 'Live.CallbackAfterDelMetadata': LooseCallbackBodySchema<'Live.CallbackAfterDelMetadata'>;
  readonly 'Live.CallbackAfterCreateRoomReachingThreshold': LooseCallbackBodySchema<'Live.CallbackAfterCreateRoomReachingThreshold'>;
  readonly 'Live.CallbackAfterMemberStateChanged': typeof AfterMemberStateChangedBodySchema;
  readonly 'Live.CallbackAfterChangeOwner': typeof AfterChangeOwnerBodySchema;
  readonly 'Live.CallbackAfterModifyAdmin': LooseCallbackBodySchema<'Live.CallbackAfterModifyAdmin'>;
  readonly 'Mic.CallbackAfterSeatInfoChanged': LooseCallbackBodySchema<'Mic.CallbackAfterSeatInfoChanged'>;
  readonly 'Live.CallbackAfterCreateBattle': LooseCallbackBodySchema<'Live.CallbackAfterCreateBattle'>;
  readonly 'Live.CallbackAfterStartBattle': LooseCallbackBodySchema<'Live.CallbackAfterStartBattle'>;
  readonly 'Live.CallbackAfterEndBattle': LooseCallbackBodySchema<'Live.CallbackAfterEndBattle'>;
  readonly 'Live.CallbackBeforeSendGift': typeof BeforeSendGiftBodySchema;
  readonly 'Live.CallbackBeforeCallBackNotBlock': LooseCallbackBodySchema<'Live.CallbackBeforeCallBackNotBlock'>;
  readonly 'Group.CallbackAfterSendMsg': LooseCallbackBodySchema<'Group.CallbackAfterSendMsg'>;
  readonly 'Group.CallbackBeforeSendMsg': LooseCallbackBodySchema<'Group.CallbackBeforeSendMsg'>;
  readonly 'Follow.CallbackAfterFollowAdd': LooseCallbackBodySchema<'Follow.CallbackAfterFollowAdd'>;
  readonly 'Follow.CallbackAfterFollowDelete': LooseCallbackBodySchema<'Follow.CallbackAfterFollowDelete'>;
  readonly 'Live.CallbackAfterCloudRecordingChanged': typeof AfterCloudRecordingChangedBodySchema;
} = /* @__PURE__ */ (() =>
  ({
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
  }) as const)() satisfies { readonly [TCommand in KnownCallbackCommand]: v.GenericSchema };

/** The parsed body of known callback `TCommand`, e.g. `LiveCallbackBody<'Live.CallbackBeforeSendGift'>`. */
export type LiveCallbackBody<TCommand extends KnownCallbackCommand> = v.InferOutput<(typeof LIVE_CALLBACK_BODY_SCHEMAS)[TCommand]>;
