import { failure, success, type CommandOutcome } from './envelope-response.js';
import type { LiveConfigState } from './live-config-state.js';
import {
  CallbackConfigurationBodySchema,
  CallbackTokenCreateBodySchema,
  CallbackTokenUpdateBodySchema,
  parseCommandBody,
} from './live-config-schemas.js';

/** The seven commands of the `live_config` service. */
export type LiveConfigCommandName =
  | 'set_callback'
  | 'update_callback'
  | 'get_callback'
  | 'delete_callback'
  | 'set_callback_token'
  | 'get_callback_token'
  | 'delete_callback_token';

/**
 * One `live_config` command: reads and changes the app's state and returns its outcome. A failing command
 * changes nothing: every check runs before the state is touched.
 */
export type LiveConfigCommandHandler = (state: LiveConfigState, body: Record<string, unknown>) => CommandOutcome;

const handlers: Readonly<Record<LiveConfigCommandName, LiveConfigCommandHandler>> = {
  set_callback(state, body) {
    const parsed = parseCommandBody(CallbackConfigurationBodySchema, body);
    if (!parsed.ok) return parsed;
    if (state.callback !== undefined) {
      return failure(100300, 'callback configuration already exists: use update_callback to change it');
    }
    state.callback = { url: parsed.value.Url, commands: [...parsed.value.CallbackCommandList] };
    return success();
  },

  update_callback(state, body) {
    const parsed = parseCommandBody(CallbackConfigurationBodySchema, body);
    if (!parsed.ok) return parsed;
    if (state.callback === undefined) {
      return failure(100301, 'callback configuration does not exist: create it with set_callback first');
    }
    state.callback = { url: parsed.value.Url, commands: [...parsed.value.CallbackCommandList] };
    return success();
  },

  get_callback(state) {
    if (state.callback === undefined) {
      return failure(100301, 'callback configuration does not exist: create it with set_callback first');
    }
    return success({ Url: state.callback.url, CallbackCommandList: [...state.callback.commands] });
  },

  delete_callback(state) {
    state.callback = undefined;
    return success();
  },

  set_callback_token(state, body) {
    const current = state.callbackToken;
    if (current === undefined) {
      const missing = ['Token', 'IsTokenEnable'].filter((field) => !Object.hasOwn(body, field));
      if (missing.length > 0) {
        return failure(
          100002,
          `invalid parameter: ${missing.join(' and ')} missing; Token and IsTokenEnable are both required while no token configuration exists`,
        );
      }
      const parsed = parseCommandBody(CallbackTokenCreateBodySchema, body);
      if (!parsed.ok) return parsed;
      state.callbackToken = { token: parsed.value.Token, enabled: parsed.value.IsTokenEnable };
      return success();
    }
    const parsed = parseCommandBody(CallbackTokenUpdateBodySchema, body);
    if (!parsed.ok) return parsed;
    state.callbackToken = {
      token: parsed.value.Token ?? current.token,
      enabled: parsed.value.IsTokenEnable ?? current.enabled,
    };
    return success();
  },

  get_callback_token(state) {
    if (state.callbackToken === undefined) {
      return failure(100302, 'callback authentication token configuration does not exist: create it with set_callback_token');
    }
    return success({ Token: state.callbackToken.token, IsTokenEnable: state.callbackToken.enabled });
  },

  delete_callback_token(state) {
    state.callbackToken = undefined;
    return success();
  },
};

/** The `live_config` commands by name. A `Map`, so names such as `toString` are not commands. */
export const LIVE_CONFIG_COMMANDS: ReadonlyMap<string, LiveConfigCommandHandler> = /* @__PURE__ */ (() =>
  new Map(Object.entries(handlers)))();
