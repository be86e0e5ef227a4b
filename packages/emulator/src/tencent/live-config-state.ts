/**
 * The app's callback configuration (`set_callback` / `update_callback`): where and which callbacks go. Named as
 * `@tokenwire/live-config`'s `CallbackConfiguration` (`url`, `commands`); the wire format stays Tencent's
 * (`Url`, `CallbackCommandList`).
 */
export interface CallbackConfiguration {
  /** The receiver URL (`Url`). */
  readonly url: string;
  /** The enabled callback command words (`CallbackCommandList`), e.g. `Live.CallbackAfterCreateRoom`. */
  readonly commands: readonly string[];
}

/**
 * The app's callback authentication configuration (`set_callback_token`). Named as `@tokenwire/live-config`'s
 * `CallbackTokenConfiguration` (`token`, `enabled`); the wire format stays Tencent's (`Token`, `IsTokenEnable`).
 */
export interface CallbackTokenConfiguration {
  /** The shared token (`Token`) callbacks are signed with. */
  readonly token: string;
  /** Whether callbacks carry `Sign` and `RequestTime` (`IsTokenEnable`). */
  readonly enabled: boolean;
}

/**
 * The `live_config` state of one app. Tencent keeps at most one callback configuration and one token
 * configuration per SDKAppID; `undefined` means "does not exist".
 */
export interface LiveConfigState {
  callback: CallbackConfiguration | undefined;
  callbackToken: CallbackTokenConfiguration | undefined;
}

/** A fresh app with neither configuration. */
export function createLiveConfigState(): LiveConfigState {
  return { callback: undefined, callbackToken: undefined };
}
