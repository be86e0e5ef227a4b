import { redactSecrets } from '../redact.js';

const MAX_DEPTH = 4;

/** Secrets shorter than this are ignored, as {@link redactSecrets} ignores them. */
const MIN_SECRET_LENGTH = 4;

function textsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' && typeof value !== 'function') return [String(value)];
  const texts: string[] = [];
  const record = value as Record<string, unknown>;
  try {
    texts.push(String(value));
  } catch {
    // An object whose toString throws has no text to leak through String().
  }
  for (const key of ['message', 'stack']) {
    try {
      if (typeof record[key] === 'string') texts.push(record[key] as string);
    } catch {
      // Getters that throw are skipped.
    }
  }
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch {
    // Cycles and BigInts cannot be serialised, so they cannot leak through JSON.stringify either.
  }
  return texts;
}

function mentionsSecret(value: unknown, secrets: readonly string[], depth: number): boolean {
  if (textsOf(value).some((text) => secrets.some((secret) => text.includes(secret)))) return true;
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return false;
  let cause: unknown;
  try {
    cause = (value as { cause?: unknown }).cause;
  } catch {
    return false;
  }
  return cause !== undefined && mentionsSecret(cause, secrets, depth + 1);
}

/**
 * Makes an underlying error safe to attach as a tokenwire error's `cause`. Some runtimes put the full request
 * URL, UserSig included, into their fetch errors (Deno: "error sending request for url (…)"). When the value,
 * its message, stack, JSON form or nested causes mention a secret, it is replaced by a redacted one-line
 * description (`"TypeError: … usersig=***"`); otherwise it is returned as is.
 */
export function sanitizeCause(cause: unknown, secrets: readonly (string | undefined)[]): unknown {
  const relevant = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH);
  if (relevant.length === 0 || !mentionsSecret(cause, relevant, 0)) return cause;
  let description: string;
  if (typeof cause === 'object' && cause !== null && typeof (cause as { message?: unknown }).message === 'string') {
    const name = typeof (cause as { name?: unknown }).name === 'string' ? (cause as { name: string }).name : 'Error';
    description = `${name}: ${(cause as { message: string }).message}`;
  } else {
    description = textsOf(cause)[0] ?? '';
  }
  return redactSecrets(description, relevant);
}
