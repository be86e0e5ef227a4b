import { REDACTED, redactSecrets } from '@tokenwire/core';

/**
 * Body fields whose values are secrets, compared case-insensitively: Tencent's callback `Token`, AICC's
 * `app_secret`, and the usual credential names.
 */
const SECRET_FIELDS: ReadonlySet<string> = /* @__PURE__ */ (() =>
  new Set([
    'token',
    'usersig',
    'sign',
    'app_secret',
    'appsecret',
    'secretkey',
    'secret_key',
    'secret',
    'password',
    'authorization',
    'ccmessaging-token',
    'accesstoken',
    'access_token',
  ]))();

const MAX_STRING = 200;
const MAX_TEXT = 500;
const MAX_DEPTH = 20;

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, 48)}…(${text.length} chars)`;
}

function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return shorten(redactSecrets(value, secrets), MAX_STRING);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] =
      SECRET_FIELDS.has(key.toLowerCase()) && item !== null && item !== undefined ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return result;
}

/**
 * Summarizes a request body for the request log, with every secret removed: JSON comes back parsed, with the
 * values of secret fields (`Token`, `app_secret`, …) replaced by `***`, every occurrence of a known secret
 * replaced too, and long strings (base64 file streams) shortened; other text comes back redacted and
 * shortened; binary data as a byte count. An empty body gives `undefined`.
 */
export function summarizeBody(bytes: Uint8Array, secrets: readonly string[]): unknown {
  if (bytes.byteLength === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return `<binary, ${bytes.byteLength} bytes>`;
  }
  try {
    return redactValue(JSON.parse(text) as unknown, secrets, 0);
  } catch {
    return shorten(redactSecrets(text, secrets), MAX_TEXT);
  }
}
