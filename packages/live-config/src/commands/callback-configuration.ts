import * as v from 'valibot';
import type { EntriesOf } from '../validation/entries-of.js';
import type { CallbackCommand } from '../callback/known-callback-commands.js';
import { objectMessage } from '../validation/object-message.js';

/** Whether `value` is an absolute `http:` or `https:` URL with a host. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}

/** `Prefix.Name`, as every documented command word is spelt (`Live.CallbackAfterCreateRoom`). */
const COMMAND_WORD = /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/;

/** Input of `setCallback`, `updateCallback` and `upsertCallback`: where Tencent posts, and which callbacks. */
export interface CallbackConfiguration {
  /** The receiver URL; must be `http://` or `https://` (https recommended). */
  readonly url: string;
  /**
   * The callback command words to enable: non-empty, without duplicates. Known words complete in the editor
   * (`KNOWN_CALLBACK_COMMANDS`); future ones are accepted as long as they look like `Prefix.Name`.
   */
  readonly commands: readonly CallbackCommand[];
}

/**
 * Schema of {@link CallbackConfiguration}. Unknown fields are rejected; messages name the rule, not the value.
 */
export const CallbackConfigurationSchema: v.GenericSchema<unknown, CallbackConfiguration> = /* @__PURE__ */ (() =>
  v.strictObject(
    {
      url: v.pipe(v.string('must be a string'), v.check(isHttpUrl, 'must be an absolute URL starting with http:// or https://')),
      commands: v.pipe(
        v.array(
          v.pipe(
            v.string('must be a string'),
            v.regex(COMMAND_WORD, 'must be a callback command word such as Live.CallbackAfterCreateRoom'),
          ),
          'must be an array of callback command words',
        ),
        v.minLength(1, 'must list at least one callback command'),
        v.check((commands) => new Set(commands).size === commands.length, 'must not list a command twice'),
      ),
    } satisfies EntriesOf<CallbackConfiguration>,
    objectMessage('url and commands'),
  ))();

/** The `Url` / `CallbackCommandList` body of `set_callback` and `update_callback`. */
export function callbackConfigurationBody(configuration: {
  readonly url: string;
  readonly commands: readonly string[];
}): Record<string, unknown> {
  return { Url: configuration.url, CallbackCommandList: [...configuration.commands] };
}

/** Whether two configurations have the same URL (exactly) and the same set of commands (in any order). */
export function sameCallbackConfiguration(
  left: { readonly url: string; readonly commands: readonly string[] },
  right: { readonly url: string; readonly commands: readonly string[] },
): boolean {
  if (left.url !== right.url) return false;
  const leftSet = new Set(left.commands);
  const rightSet = new Set(right.commands);
  if (leftSet.size !== rightSet.size) return false;
  for (const command of leftSet) if (!rightSet.has(command)) return false;
  return true;
}
