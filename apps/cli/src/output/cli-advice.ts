import { TencentApiError } from '@tokenwire/core';
import { CALLBACK_ALREADY_CONFIGURED, CALLBACK_NOT_CONFIGURED, CALLBACK_TOKEN_NOT_CONFIGURED } from '@tokenwire/live-config';

/**
 * Advice the packages' messages give in library calls (they are written for code), and what says the same to a
 * person at the command line. A clause with no CLI equivalent is dropped (`tokens: null`: `callback verify`
 * always checks a signature).
 */
const LIBRARY_ADVICE: readonly (readonly [RegExp, string])[] = [
  [
    /setCallbackToken\(client, \{ token, enabled: true \}\) or rotateCallbackToken\(client\)/g,
    "'tokenwire live-config token set --generate --enable' or 'tokenwire live-config token rotate'",
  ],
  [/setCallbackToken\(client, \{ enabled: true \}\)/g, "'tokenwire live-config token set --enable'"],
  [/setCallbackToken\(client, \{ enabled: false \}\)/g, "'tokenwire live-config token set --disable'"],
  [/,? or pass tokens: null while authentication is off/g, ''],
];

/** A package's message with its library-call advice replaced by the CLI commands that do the same. */
export function inCliTerms(message: string): string {
  let result = message;
  for (const [pattern, replacement] of LIBRARY_ADVICE) result = result.replace(pattern, replacement);
  return result;
}

/** The command that fixes a Tencent refusal of a missing or existing configuration, for the hint line. */
export function commandHint(error: unknown): string | undefined {
  if (!TencentApiError.isInstance(error)) return undefined;
  switch (error.code) {
    case CALLBACK_NOT_CONFIGURED:
      return 'no callback configuration yet: tokenwire live-config callback set --url URL --command COMMAND';
    case CALLBACK_ALREADY_CONFIGURED:
      return 'a callback configuration exists: change it with tokenwire live-config callback update (or set --upsert)';
    case CALLBACK_TOKEN_NOT_CONFIGURED:
      return 'no callback token yet: tokenwire live-config token set --generate --enable --save-token callback-token.txt';
    default:
      return undefined;
  }
}
