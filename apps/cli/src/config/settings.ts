import type { InputStream } from '../cli-context.js';
import type { Output } from '../output/output.js';
import { UsageError } from '../usage-error.js';
import { loadProfile, type LoadedProfile, type ProfileSettings } from './config-file.js';
import { directoryOf, expandPath, readStandardInput, readTextFile, stripTrailingNewline } from './read-text-input.js';
import type { SecretRegistry } from './secret-registry.js';

/** A plain setting: its flag, environment variable and profile key (flags > environment > profile). */
export interface PlainSetting {
  readonly flag: string;
  readonly env?: string;
  readonly profileKey?: keyof ProfileSettings;
}

/**
 * A secret setting, read from (highest first) `--<flag>` (works, but warns: shell history and the process
 * list see it), `--<flag>-file`, `--<flag>-stdin`, the environment variable, then the profile's inline value
 * or file.
 */
export interface SecretSetting {
  /** What it is called in messages, e.g. `secret key`. */
  readonly label: string;
  readonly flag: string;
  readonly env?: string;
  readonly profileKey?: keyof ProfileSettings;
  readonly profileFileKey?: keyof ProfileSettings;
}

/** The settings every command can read. */
export const SETTINGS = {
  sdkAppId: { flag: 'sdk-app-id', env: 'TOKENWIRE_SDK_APP_ID', profileKey: 'sdkAppId' },
  identifier: { flag: 'identifier', env: 'TOKENWIRE_IDENTIFIER', profileKey: 'identifier' },
  region: { flag: 'region', env: 'TOKENWIRE_REGION', profileKey: 'region' },
  baseUrl: { flag: 'base-url', env: 'TOKENWIRE_BASE_URL', profileKey: 'baseUrl' },
  aiccBaseUrl: { flag: 'base-url', env: 'TOKENWIRE_AICC_BASE_URL', profileKey: 'aiccBaseUrl' },
  aiccAppKey: { flag: 'app-key', env: 'TOKENWIRE_AICC_APP_KEY', profileKey: 'aiccAppKey' },
} as const satisfies Record<string, PlainSetting>;

/** The secrets every command can read. */
export const SECRETS = {
  secretKey: {
    label: 'secret key',
    flag: 'secret-key',
    env: 'TOKENWIRE_SECRET_KEY',
    profileKey: 'secretKey',
    profileFileKey: 'secretKeyFile',
  },
  callbackToken: {
    label: 'callback token',
    flag: 'token',
    env: 'TOKENWIRE_CALLBACK_TOKEN',
    profileKey: 'callbackToken',
    profileFileKey: 'callbackTokenFile',
  },
  aiccAppSecret: {
    label: 'AICC app secret',
    flag: 'app-secret',
    env: 'TOKENWIRE_AICC_APP_SECRET',
    profileKey: 'aiccAppSecret',
    profileFileKey: 'aiccAppSecretFile',
  },
  userSig: { label: 'UserSig', flag: 'user-sig' },
} as const satisfies Record<string, SecretSetting>;

/** The parsed flag values of one command line. */
export type FlagValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** Options of {@link Settings}. */
export interface SettingsOptions {
  readonly values: FlagValues;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: InputStream;
  readonly output: Output;
  readonly secrets: SecretRegistry;
}

/**
 * Resolves the settings of one run: flags > environment (`TOKENWIRE_*`) > the profile of the configuration
 * file (`--profile`, `TOKENWIRE_PROFILE`, or the file's default). Every secret read is registered for redaction.
 */
export class Settings {
  readonly #values: FlagValues;
  readonly #env: Readonly<Record<string, string | undefined>>;
  readonly #stdin: InputStream;
  readonly #output: Output;
  readonly #secrets: SecretRegistry;
  #profile: Promise<LoadedProfile | undefined> | undefined;
  #stdinUsedBy: string | undefined;

  constructor(options: SettingsOptions) {
    this.#values = options.values;
    this.#env = options.env;
    this.#stdin = options.stdin;
    this.#output = options.output;
    this.#secrets = options.secrets;
  }

  /** The profile in use, loaded once (undefined when there is no configuration file or default profile). */
  profile(): Promise<LoadedProfile | undefined> {
    const requested = stringValue(this.#values['profile']) ?? (this.#env['TOKENWIRE_PROFILE'] || undefined);
    this.#profile ??= loadProfile(this.#env, requested, (text) => this.#output.warn(text));
    return this.#profile;
  }

  /** A flag's value as a string, if given. */
  flag(name: string): string | undefined {
    return stringValue(this.#values[name]);
  }

  /** A plain setting, or `undefined` when no source gives it. */
  async get(setting: PlainSetting): Promise<string | undefined> {
    const fromFlag = this.flag(setting.flag);
    if (fromFlag !== undefined) return fromFlag;
    if (setting.env !== undefined) {
      const fromEnv = this.#env[setting.env];
      if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    }
    if (setting.profileKey === undefined) return undefined;
    const value = (await this.profile())?.settings[setting.profileKey];
    return value === undefined ? undefined : String(value);
  }

  /** A plain setting that must be present; otherwise a usage error saying every way to give it. */
  async require(setting: PlainSetting, label: string): Promise<string> {
    const value = await this.get(setting);
    if (value === undefined) throw new UsageError(`no ${label}: ${describeSources(setting)}`);
    return value;
  }

  /**
   * A secret, or `undefined` when no source gives it. A plain `--<flag>` value works but prints a warning.
   * Two flag forms of the same secret at once, or two secrets from stdin, are usage errors.
   */
  async secret(setting: SecretSetting): Promise<string | undefined> {
    const inline = this.flag(setting.flag);
    const file = this.flag(`${setting.flag}-file`);
    const stdin = this.#values[`${setting.flag}-stdin`] === true;
    const given = [inline !== undefined, file !== undefined, stdin].filter(Boolean).length;
    if (given > 1)
      throw new UsageError(`give the ${setting.label} only once: --${setting.flag}, --${setting.flag}-file or --${setting.flag}-stdin`);
    let value: string | undefined;
    if (inline !== undefined) {
      this.#secrets.add(inline);
      this.#output.warn(
        `--${setting.flag} puts the ${setting.label} in your shell history and the process list; prefer ${
          setting.env === undefined ? '' : `${setting.env}, `
        }--${setting.flag}-file or --${setting.flag}-stdin`,
      );
      value = inline;
    } else if (file !== undefined) {
      value = stripTrailingNewline(await readTextFile(expandPath(file), `the ${setting.label}`));
    } else if (stdin) {
      value = await this.readStdin(setting.label, `--${setting.flag}-stdin`);
    } else if (setting.env !== undefined && this.#env[setting.env] !== undefined && this.#env[setting.env] !== '') {
      value = this.#env[setting.env];
    } else {
      const profile = await this.profile();
      const inProfile = setting.profileKey === undefined ? undefined : profile?.settings[setting.profileKey];
      const fileInProfile = setting.profileFileKey === undefined ? undefined : profile?.settings[setting.profileFileKey];
      if (inProfile !== undefined) value = String(inProfile);
      else if (fileInProfile !== undefined && profile !== undefined) {
        const path = expandPath(String(fileInProfile), directoryOf(profile.path));
        value = stripTrailingNewline(await readTextFile(path, `the ${setting.label} (profile "${profile.name}")`));
      }
    }
    if (value === '') throw new UsageError(`the ${setting.label} is empty`);
    return this.#secrets.add(value);
  }

  /** A secret that must be present; otherwise a usage error saying every way to give it. */
  async requireSecret(setting: SecretSetting): Promise<string> {
    const value = await this.secret(setting);
    if (value === undefined) {
      const ways = [`--${setting.flag}-file`, `--${setting.flag}-stdin`];
      if (setting.env !== undefined) ways.unshift(setting.env);
      if (setting.profileKey !== undefined) ways.push(`"${setting.profileKey}"/"${setting.profileFileKey}" in a profile`);
      throw new UsageError(`no ${setting.label}: give it with ${ways.join(', ')}`);
    }
    return value;
  }

  /** Reads standard input for one purpose; a second use in the same run is a usage error. */
  async readStdin(label: string, flag: string): Promise<string> {
    if (this.#stdinUsedBy !== undefined)
      throw new UsageError(`standard input can feed only one value: ${this.#stdinUsedBy} and ${flag} both ask for it`);
    this.#stdinUsedBy = flag;
    return readStandardInput(this.#stdin, (text) => this.#output.writeError(text), label);
  }

  /** Whether some flag already claimed standard input. */
  get stdinClaimed(): boolean {
    return (
      this.#stdinUsedBy !== undefined || Object.entries(this.#values).some(([name, value]) => name.endsWith('-stdin') && value === true)
    );
  }
}

function stringValue(value: FlagValues[string]): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function describeSources(setting: PlainSetting): string {
  const ways = [`--${setting.flag}`];
  if (setting.env !== undefined) ways.push(setting.env);
  if (setting.profileKey !== undefined) ways.push(`"${setting.profileKey}" in a profile`);
  return `give it with ${ways.join(', ')}`;
}
