/**
 * Every TUILiveKit callback command word Tencent documents (TUILiveKit "callback command list", 647/64413 as of
 * 2026-03), in the spelling to register with {@link setCallback}. The member-state page's parameter table spells
 * one of them `Live.CallbackMemberStateChanged`; the body and the command list use
 * `Live.CallbackAfterMemberStateChanged`, which is the one listed here (the other is in
 * {@link CALLBACK_COMMAND_ALIASES}).
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
  // recording (zh 269/129603; the EN page 647/78428 spells it `Follow.…`, an alias)
  'Live.CallbackAfterCloudRecordingChanged',
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

/**
 * Other spellings of known commands that Tencent's pages use, mapped to the spelling of
 * {@link KNOWN_CALLBACK_COMMANDS}; `verifyLiveCallback` types a callback carrying either spelling as the known one:
 *
 * - `Live.CallbackMemberStateChanged`: the member-state page (647/64424) names it so in its parameter table, and
 *   `Live.CallbackAfterMemberStateChanged` in its sample body;
 * - `Follow.CallbackAfterCloudRecordingChanged`: the EN recording page (647/78428, 2026-03-26) spells the command
 *   so in its table and sample; the zh page (269/129603, 2026-03-27) says `Live.CallbackAfterCloudRecordingChanged`.
 */
export const CALLBACK_COMMAND_ALIASES: {
  readonly 'Live.CallbackMemberStateChanged': 'Live.CallbackAfterMemberStateChanged';
  readonly 'Follow.CallbackAfterCloudRecordingChanged': 'Live.CallbackAfterCloudRecordingChanged';
} = {
  'Live.CallbackMemberStateChanged': 'Live.CallbackAfterMemberStateChanged',
  'Follow.CallbackAfterCloudRecordingChanged': 'Live.CallbackAfterCloudRecordingChanged',
};

/**
 * The spelling of `command` in {@link KNOWN_CALLBACK_COMMANDS} when it is a documented alias
 * ({@link CALLBACK_COMMAND_ALIASES}), otherwise `command` unchanged.
 *
 * @example
 * ```ts
 * canonicalCallbackCommand('Live.CallbackMemberStateChanged'); // 'Live.CallbackAfterMemberStateChanged'
 * canonicalCallbackCommand('Live.CallbackAfterCreateRoom'); // 'Live.CallbackAfterCreateRoom'
 * ```
 */
export function canonicalCallbackCommand(command: string): string {
  return Object.hasOwn(CALLBACK_COMMAND_ALIASES, command)
    ? CALLBACK_COMMAND_ALIASES[command as keyof typeof CALLBACK_COMMAND_ALIASES]
    : command;
}
