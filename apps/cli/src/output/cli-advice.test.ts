import { TencentApiError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { commandHint, inCliTerms } from './cli-advice.js';

/** A call of a function written in code: `name(` — what a hint for a person at the command line must not contain. */
const LIBRARY_CALL = /\b[a-z][A-Za-z]*\(/;

describe('inCliTerms', () => {
  it.each([
    [
      'no callback token is configured for this app: create one with setCallbackToken(client, { token, enabled: true }) or rotateCallbackToken(client). Tencent said: x',
      "no callback token is configured for this app: create one with 'tokenwire live-config token set --generate --enable' or 'tokenwire live-config token rotate'. Tencent said: x",
    ],
    [
      'The callback has no Sign query parameter but callback tokens are configured: turn token authentication on (setCallbackToken(client, { enabled: true })), make sure your proxy keeps the query, or pass tokens: null while authentication is off',
      "The callback has no Sign query parameter but callback tokens are configured: turn token authentication on ('tokenwire live-config token set --enable'), make sure your proxy keeps the query",
    ],
  ])('names the CLI command instead of the library call: %s', (message, expected) => {
    expect(inCliTerms(message)).toBe(expected);
    expect(inCliTerms(message)).not.toMatch(LIBRARY_CALL);
  });

  it('leaves other messages as they are', () => {
    expect(inCliTerms('Tencent error 70001 (x): bad UserSig')).toBe('Tencent error 70001 (x): bad UserSig');
  });
});

describe('commandHint', () => {
  const refusal = (code: number) => new TencentApiError({ code, info: 'no' });

  it.each([
    [100301, 'tokenwire live-config callback set --url URL --command COMMAND'],
    [100300, 'tokenwire live-config callback update'],
    [100302, 'tokenwire live-config token set --generate --enable'],
  ])('Tencent %i: a CLI command', (code, command) => {
    expect(commandHint(refusal(code))).toContain(command);
  });

  it('nothing for other errors', () => {
    expect(commandHint(refusal(70001))).toBeUndefined();
    expect(commandHint(new Error('x'))).toBeUndefined();
  });
});
