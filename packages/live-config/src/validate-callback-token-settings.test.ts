import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallbackTokenSettingsSchema } from './set-callback-token.js';
import { validateCallbackTokenSettings } from './validate-callback-token-settings.js';

/** Runs a validator and reports its outcome as data: the output, or the issues and message of its error. */
function outcome(validate: () => unknown): unknown {
  try {
    return { output: validate() };
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return { issues: error.issues, message: error.message };
  }
}

const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string(),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 140 }),
  fc.stringMatching(/^[\x21-\x7e]{1,130}$/),
  fc.array(fc.integer(), { maxLength: 2 }),
);

const settings = fc.oneof(
  fc.record({ token: value, enabled: value }, { requiredKeys: [] }),
  fc.record({ token: value, enabled: value, tokne: value, extra: value }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('token', 'enabled', 'toString', 'constructor', 'a', '0'), value),
  fc.array(value, { maxLength: 3 }),
  value,
);

describe('validateCallbackTokenSettings', () => {
  it('decides exactly like CallbackTokenSettingsSchema: same output, or the same issues and message', () => {
    fc.assert(
      fc.property(settings, (input) => {
        expect(outcome(() => validateCallbackTokenSettings(input))).toEqual(
          outcome(() => parseInput(CallbackTokenSettingsSchema, input, 'callback token settings')),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts partial updates and reports every field issue', () => {
    expect(validateCallbackTokenSettings({ enabled: false })).toEqual({ enabled: false });
    expect(outcome(() => validateCallbackTokenSettings({ token: 'has space', enabled: 'yes', tokne: 'x' }))).toEqual({
      issues: [
        { path: 'token', message: 'must be 1 to 128 visible ASCII characters (no spaces, line breaks or non-ASCII letters)' },
        { path: 'enabled', message: 'must be a boolean' },
        { path: 'tokne', message: 'is not a known field (expected token and/or enabled)' },
      ],
      message:
        'Invalid callback token settings: token: must be 1 to 128 visible ASCII characters (no spaces, line breaks or non-ASCII letters); enabled: must be a boolean; tokne: is not a known field (expected token and/or enabled)',
    });
  });
});
