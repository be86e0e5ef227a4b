import { ValidationError, type ValidationIssue } from '@tokenwire/core';
import { CALLBACK_TOKEN_MESSAGE, CALLBACK_TOKEN_PATTERN } from './callback-token-schema.js';
import type { CallbackTokenSettings } from './set-callback-token.js';

const FIELDS = 'token and/or enabled';

/**
 * Validates the input of `setCallbackToken` exactly as `CallbackTokenSettingsSchema` does — same outcome, same
 * issues with the same paths and messages (a property test holds the two together) — without valibot's
 * generic machinery, which would otherwise be the largest part of a browser bundle that only sets the token.
 *
 * @throws `ValidationError` listing the issues, like `parseInput(CallbackTokenSettingsSchema, …)`.
 * @internal
 */
export function validateCallbackTokenSettings(input: unknown): CallbackTokenSettings {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null) {
    issues.push({ path: '', message: `must be an object with ${FIELDS}` });
  } else {
    const { token, enabled } = input as Record<string, unknown>;
    if (token !== undefined) {
      if (typeof token !== 'string') issues.push({ path: 'token', message: 'must be a string' });
      else if (!CALLBACK_TOKEN_PATTERN.test(token)) issues.push({ path: 'token', message: CALLBACK_TOKEN_MESSAGE });
    }
    if (enabled !== undefined && typeof enabled !== 'boolean') issues.push({ path: 'enabled', message: 'must be a boolean' });
    for (const key in input) {
      if (key !== 'token' && key !== 'enabled') {
        issues.push({ path: key, message: `is not a known field (expected ${FIELDS})` });
        break;
      }
    }
    if (issues.length === 0) {
      if (token === undefined && enabled === undefined)
        issues.push({ path: '', message: 'give token, enabled or both (both on first setup)' });
      else
        return {
          ...('token' in input ? { token: token as string | undefined } : {}),
          ...('enabled' in input ? { enabled: enabled as boolean | undefined } : {}),
        };
    }
  }
  throw new ValidationError('callback token settings', issues);
}
