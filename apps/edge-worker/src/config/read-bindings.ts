/**
 * Helpers that read env bindings into typed values and collect what is wrong with them. A problem names the
 * binding and what it must be — never its value, since many bindings are secrets.
 */

/** A configuration section: its typed value, or the problems that stop the route from working. */
export type Configured<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

/** The env as a record of unknown values (bindings may be strings, queues or anything a deployment adds). */
export type Bindings = Readonly<Record<string, unknown>>;

/** A string binding, trimmed; `undefined` when unset or blank. A non-string value is a problem. */
export function readText(env: Bindings, name: string, problems: string[]): string | undefined {
  const value = env[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push(`${name} must be a string`);
    return undefined;
  }
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** A string binding that must be set. */
export function requireText(env: Bindings, name: string, problems: string[]): string | undefined {
  const text = readText(env, name, problems);
  if (text === undefined && !problems.some((problem) => problem.startsWith(`${name} `))) problems.push(`${name} is not set`);
  return text;
}

/** An integer binding within `[minimum, maximum]`, or `fallback` when unset. */
export function readInteger(
  env: Bindings,
  name: string,
  range: { readonly minimum: number; readonly maximum: number; readonly fallback: number },
  problems: string[],
): number {
  const text = readText(env, name, problems);
  if (text === undefined) return range.fallback;
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.minimum && value <= range.maximum)) {
    problems.push(`${name} must be an integer from ${range.minimum} to ${range.maximum}`);
    return range.fallback;
  }
  return value;
}

/**
 * Whether `hostname` (as `URL` normalises it) is this machine: `localhost`, `*.localhost`, `127.0.0.0/8` or
 * `[::1]`. Plain `http:` is accepted only for these (local development, the emulator).
 */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * An absolute `https:` URL binding without credentials, or `undefined` when unset. `http:` is accepted only for a
 * loopback host ({@link isLoopbackHost}): these URLs receive bearer credentials and callback bodies.
 */
export function readHttpsUrl(env: Bindings, name: string, problems: string[]): URL | undefined {
  const text = readText(env, name, problems);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${name} must be an absolute https URL`);
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure || url.username !== '' || url.password !== '') {
    problems.push(
      `${name} must be an absolute https URL (http only for localhost) without user info (put credentials in their own binding)`,
    );
    return undefined;
  }
  return url;
}

/** A comma-separated list binding: trimmed, blank entries dropped; empty when unset. */
export function readList(env: Bindings, name: string, problems: string[]): string[] {
  const text = readText(env, name, problems);
  if (text === undefined) return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Builds a {@link Configured} from the collected problems. */
export function configured<T>(problems: readonly string[], build: () => T): Configured<T> {
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: build() };
}
