/**
 * The building blocks of the worker's binding schemas (valibot), and the one parse that turns a section's schema
 * into a {@link Configured} value. A problem names the binding and what it must be — never its value, since many
 * bindings are secrets: every step carries its own message, and the rest are worded by core's value-free config.
 */
import { issuePath, VALUE_FREE_PARSE_CONFIG } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { DurableObjectNamespaceLike } from '../env.js';

/** A configuration section: its typed value, or the problems that stop the route from working. */
export type Configured<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

/** The env: an object whose bindings the schemas read (strings, queues or anything a deployment adds). */
export type Bindings = object;

/** One problem per binding (the first failing step of its pipe), every binding checked. */
const PARSE_CONFIG: v.Config<v.BaseIssue<unknown>> = { ...VALUE_FREE_PARSE_CONFIG, abortPipeEarly: true };

/** A string binding, trimmed; `''` when unset. */
const trimmedText = v.pipe(
  v.optional(v.string('must be a string'), ''),
  v.transform((text) => text.trim()),
);

/** An optional string binding, trimmed: `undefined` when unset or blank. */
export const optionalText = v.pipe(
  trimmedText,
  v.transform((text) => (text === '' ? undefined : text)),
);

/** A string binding that must be set (not blank), trimmed. */
export const requiredText = v.pipe(
  trimmedText,
  v.check((text) => text !== '', 'is not set'),
);

/** An optional integer binding within `[minimum, maximum]` (decimal digits only); `undefined` when unset. */
export function integerBinding(minimum: number, maximum: number) {
  return v.pipe(
    optionalText,
    v.check(
      (text) => text === undefined || (/^\d{1,15}$/.test(text) && Number(text) >= minimum && Number(text) <= maximum),
      `must be an integer from ${minimum} to ${maximum}`,
    ),
    v.transform((text) => (text === undefined ? undefined : Number(text))),
  );
}

/** A comma-separated list binding: entries trimmed, blank ones dropped; empty when unset. */
export const listBinding = v.pipe(
  optionalText,
  v.transform((text) =>
    (text ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  ),
);

/** An optional Durable Object namespace binding (`[[durable_objects.bindings]]`); `undefined` when unbound. */
export const durableObjectBinding = v.optional(
  v.custom<DurableObjectNamespaceLike>(
    (value) => typeof (value as { idFromName?: unknown } | undefined)?.idFromName === 'function',
    'must be a Durable Object namespace binding',
  ),
);

/**
 * Whether `hostname` (as `URL` normalises it) is this machine: `localhost`, `*.localhost`, `127.0.0.0/8` or
 * `[::1]`. Plain `http:` is accepted only for these (local development, the emulator).
 */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** `text` as an absolute `https:` URL without credentials (`http:` only for a loopback host), else `undefined`. */
function secureUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  return secure && url.username === '' && url.password === '' ? url : undefined;
}

const SECURE_URL_MESSAGE =
  'must be an absolute https URL (http only for localhost) without user info (put credentials in their own binding)';

/**
 * An optional URL binding: absolute `https:` without credentials, `http:` only for a loopback host
 * ({@link isLoopbackHost}) — these URLs receive bearer credentials and callback bodies. `undefined` when unset.
 */
export const httpsUrlBinding = v.pipe(
  optionalText,
  v.check((text) => text === undefined || secureUrl(text) !== undefined, SECURE_URL_MESSAGE),
  v.transform((text) => (text === undefined ? undefined : new URL(text))),
);

/** A required URL binding with the rules of {@link httpsUrlBinding}. */
export const requiredHttpsUrlBinding = v.pipe(
  requiredText,
  v.check((text) => secureUrl(text) !== undefined, SECURE_URL_MESSAGE),
  v.transform((text) => new URL(text)),
);

/**
 * Parses a section's bindings with its schema, once: the typed value, or every problem as `<BINDING> <what it must
 * be>` (never a value).
 */
export function parseBindings<T>(schema: v.GenericSchema<unknown, T>, env: Bindings): Configured<T> {
  const result = v.safeParse(schema, env, PARSE_CONFIG);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: result.issues.map((issue) => `${issuePath(issue)} ${issue.message}`.trim()) };
}
