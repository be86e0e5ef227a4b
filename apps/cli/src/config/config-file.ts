import { open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../usage-error.js';

/**
 * One named profile of the configuration file. Every field is optional; flags and environment variables
 * override them. Secrets may be given inline or, better, as a path to a file holding them (`…File`).
 */
export interface ProfileSettings {
  readonly sdkAppId?: number | string;
  readonly identifier?: string;
  readonly region?: string;
  readonly baseUrl?: string;
  readonly secretKey?: string;
  readonly secretKeyFile?: string;
  readonly callbackToken?: string;
  readonly callbackTokenFile?: string;
  readonly aiccBaseUrl?: string;
  readonly aiccAppKey?: string;
  readonly aiccAppSecret?: string;
  readonly aiccAppSecretFile?: string;
}

/** The profile a run uses, and where it came from. */
export interface LoadedProfile {
  readonly path: string;
  readonly name: string;
  readonly settings: ProfileSettings;
}

const PROFILE_KEYS: ReadonlySet<string> = new Set([
  'sdkAppId',
  'identifier',
  'region',
  'baseUrl',
  'secretKey',
  'secretKeyFile',
  'callbackToken',
  'callbackTokenFile',
  'aiccBaseUrl',
  'aiccAppKey',
  'aiccAppSecret',
  'aiccAppSecretFile',
]);

/** The settings that hold a secret inline (their `…File` twins hold a path). */
const INLINE_SECRET_KEYS = ['secretKey', 'callbackToken', 'aiccAppSecret'] as const;

/**
 * Where the configuration file lives: `$XDG_CONFIG_HOME/tokenwire/config.json`, else
 * `~/.config/tokenwire/config.json`.
 */
export function configFilePath(env: Readonly<Record<string, string | undefined>>): string {
  const base = env['XDG_CONFIG_HOME'] || join(env['HOME'] || safeHomedir(), '.config');
  return join(base, 'tokenwire', 'config.json');
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '.';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkProfile(name: string, value: unknown, path: string): ProfileSettings {
  if (!isPlainObject(value)) throw new UsageError(`${path}: profile "${name}" must be an object`);
  for (const [key, field] of Object.entries(value)) {
    if (!PROFILE_KEYS.has(key)) {
      throw new UsageError(`${path}: profile "${name}" has an unknown setting "${key}" (known: ${[...PROFILE_KEYS].join(', ')})`);
    }
    const numberAllowed = key === 'sdkAppId';
    if (!(typeof field === 'string' || (numberAllowed && typeof field === 'number'))) {
      throw new UsageError(`${path}: profile "${name}" setting "${key}" must be a ${numberAllowed ? 'number or string' : 'string'}`);
    }
  }
  return value as ProfileSettings;
}

/**
 * The warning for a configuration file that holds inline secrets and that its group or others may read (POSIX
 * mode bits; Windows has none), naming the profiles and settings but never their values; else `undefined`.
 */
function exposureWarning(path: string, mode: number, profiles: Record<string, unknown>): string | undefined {
  if (process.platform === 'win32' || (mode & 0o077) === 0) return undefined;
  const found: string[] = [];
  for (const [name, profile] of Object.entries(profiles)) {
    if (!isPlainObject(profile)) continue;
    const keys = INLINE_SECRET_KEYS.filter((key) => typeof profile[key] === 'string');
    if (keys.length > 0) found.push(`profile "${name}": ${keys.join(', ')}`);
  }
  if (found.length === 0) return undefined;
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return `${path} holds secrets inline (${found.join('; ')}) and is readable by ${
    (mode & 0o007) === 0 ? 'its group' : 'other users'
  } (mode ${octal}): run chmod 600 on it, or keep the secrets in files (secretKeyFile, …)`;
}

/**
 * Loads the profile to use: `requested` (from `--profile` or `TOKENWIRE_PROFILE`), else the file's
 * `defaultProfile`, else `default`. A missing file or missing default profile yields `undefined`; a requested
 * profile that does not exist, or a malformed file, is a usage error. A file that holds secrets inline and
 * that its group or others may read is reported through `warn` (it is still used).
 *
 * The file looks like:
 * ```json
 * { "defaultProfile": "emulator",
 *   "profiles": { "emulator": { "sdkAppId": 1400000000, "baseUrl": "http://127.0.0.1:8787", "secretKeyFile": "~/.tokenwire-key" } } }
 * ```
 */
export async function loadProfile(
  env: Readonly<Record<string, string | undefined>>,
  requested: string | undefined,
  warn: (text: string) => void,
): Promise<LoadedProfile | undefined> {
  const path = configFilePath(env);
  let text: string;
  let mode: number;
  try {
    const file = await open(path, 'r');
    try {
      mode = (await file.stat()).mode;
      text = await file.readFile('utf8');
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (requested !== undefined)
        throw new UsageError(`profile "${requested}" was requested, but there is no configuration file at ${path}`);
      return undefined;
    }
    throw new UsageError(`cannot read the configuration file ${path}: ${code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`the configuration file ${path} is not valid JSON`);
  }
  if (!isPlainObject(parsed)) throw new UsageError(`the configuration file ${path} must hold a JSON object`);
  for (const key of Object.keys(parsed)) {
    if (key !== 'profiles' && key !== 'defaultProfile')
      throw new UsageError(`${path}: unknown key "${key}" (expected "profiles" and "defaultProfile")`);
  }
  const profiles = parsed['profiles'] ?? {};
  if (!isPlainObject(profiles)) throw new UsageError(`${path}: "profiles" must be an object of named profiles`);
  const exposure = exposureWarning(path, mode, profiles);
  if (exposure !== undefined) warn(exposure);
  const defaultProfile = parsed['defaultProfile'];
  if (defaultProfile !== undefined && typeof defaultProfile !== 'string')
    throw new UsageError(`${path}: "defaultProfile" must be a string`);
  const name = requested ?? defaultProfile ?? 'default';
  if (!Object.hasOwn(profiles, name)) {
    if (requested !== undefined || defaultProfile !== undefined) {
      const known = Object.keys(profiles);
      throw new UsageError(`${path} has no profile "${name}"${known.length > 0 ? ` (profiles: ${known.join(', ')})` : ''}`);
    }
    return undefined;
  }
  return { path, name, settings: checkProfile(name, profiles[name], path) };
}
