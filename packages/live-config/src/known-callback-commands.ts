/**
 * Every TUILiveKit callback command word Tencent documents (TUILiveKit "callback command list"), in the
 * spelling to register with {@link setCallback}. The member-state page's parameter table spells one of them
 * `Live.CallbackMemberStateChanged`; the body and the command list use `Live.CallbackAfterMemberStateChanged`,
 * which is the one listed here.
 *
 * @example
 * ```ts
 * await setCallback(client, { url: 'https://example.com/tencent', commands: [...KNOWN_CALLBACK_COMMANDS] });
 * ```
 */
export const KNOWN_CALLBACK_COMMANDS = [
  // room
  'Live.CallbackAfterCreateRoom',
  'Live.CallbackAfterDestroyRoom',
  'Live.CallbackAfterUpdateRoomInfo',
  'Live.CallbackAfterSetMetadata',
  'Live.CallbackAfterDelMetadata',
  'Live.CallbackAfterCreateRoomReachingThreshold',
  // user
  'Live.CallbackAfterMemberStateChanged',
  'Live.CallbackAfterChangeOwner',
  'Live.CallbackAfterModifyAdmin',
  // seat / microphone
  'Mic.CallbackAfterSeatInfoChanged',
  // battle (PK)
  'Live.CallbackAfterCreateBattle',
  'Live.CallbackAfterStartBattle',
  'Live.CallbackAfterEndBattle',
  // gift
  'Live.CallbackBeforeSendGift',
  'Live.CallbackBeforeCallBackNotBlock',
  // message
  'Group.CallbackAfterSendMsg',
  'Group.CallbackBeforeSendMsg',
  // follow
  'Follow.CallbackAfterFollowAdd',
  'Follow.CallbackAfterFollowDelete',
] as const;

/** A callback command word tokenwire knows, e.g. `Live.CallbackAfterCreateRoom`. */
export type KnownCallbackCommand = (typeof KNOWN_CALLBACK_COMMANDS)[number];

/**
 * A callback command word: one tokenwire knows (with editor completion) or any future one Tencent adds.
 *
 * @example
 * ```ts
 * const commands: CallbackCommand[] = ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterSomethingNew'];
 * ```
 */
export type CallbackCommand = KnownCallbackCommand | (string & {});

/**
 * Whether `command` is one of {@link KNOWN_CALLBACK_COMMANDS} (exact spelling).
 *
 * @example
 * ```ts
 * isKnownCallbackCommand('Live.CallbackBeforeSendGift'); // true
 * isKnownCallbackCommand('live.callbackbeforesendgift'); // false
 * ```
 */
export function isKnownCallbackCommand(command: unknown): command is KnownCallbackCommand {
  return typeof command === 'string' && (KNOWN_CALLBACK_COMMANDS as readonly string[]).includes(command);
}
