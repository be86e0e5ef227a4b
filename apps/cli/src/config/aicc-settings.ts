import { AiccUserSchema, createAiccClient, type AiccDirectClient, type AiccUser } from '@tokenwire/aicc-messaging';
import type { FetchFunction } from '@tokenwire/core';
import type { CommandInvocation } from '../command.js';
import type { OptionDefinitions } from '../command.js';
import { UsageError } from '../usage-error.js';
import type { SecretRegistry } from './secret-registry.js';
import { SECRETS, SETTINGS } from './settings.js';
import { readTransportFlags } from './tencent-settings.js';

/** Flags naming the AICC end user a `ccmessaging-token` is for. */
export const AICC_USER_OPTIONS: OptionDefinitions = {
  'user-id': { type: 'string', valueName: 'ID', description: 'the end user id, 1–32 characters (required)' },
  'user-name': { type: 'string', valueName: 'NAME', description: 'display name (default: the user id)' },
  'channel-id': { type: 'string', valueName: 'ID', description: 'the web channel Configuration ID (required)' },
  locale: { type: 'string', valueName: 'LOCALE', description: 'ISO 639 language, e.g. en, zh_CN (default en)' },
};

/** The flag of each field of an {@link AiccUser}, for messages. */
const USER_FLAGS: Readonly<Record<string, string>> = {
  userId: '--user-id',
  userName: '--user-name',
  channelId: '--channel-id',
  locale: '--locale',
};

/**
 * The AICC end user from `--user-id`, `--user-name`, `--channel-id`, `--locale`, checked with the schema
 * `applyToken` uses, so a bad user is a usage error before any token is fetched.
 */
export async function readAiccUser(invocation: CommandInvocation): Promise<AiccUser> {
  const { settings } = invocation;
  const userId = settings.flag('user-id');
  const channelId = settings.flag('channel-id');
  if (userId === undefined) throw new UsageError('--user-id is required');
  if (channelId === undefined) throw new UsageError('--channel-id is required (the web channel Configuration ID)');
  const user = { userId, userName: settings.flag('user-name') ?? userId, channelId, locale: settings.flag('locale') ?? 'en' };
  const result = await AiccUserSchema['~standard'].validate(user);
  if (result.issues === undefined) return result.value;
  const problems = result.issues.map((issue) => {
    const first = issue.path?.[0];
    const field = typeof first === 'object' ? first.key : first;
    return `${USER_FLAGS[String(field)] ?? 'the user'} ${issue.message}`;
  });
  throw new UsageError(problems.join('; '));
}

/** Headers whose values are AICC credentials: the AccessToken (`Authorization: Bearer …`) and the `ccmessaging-token`. */
const CREDENTIAL_HEADERS = ['authorization', 'ccmessaging-token'];

/**
 * The global fetch, registering for redaction every credential the client sends or receives in a header: the
 * AccessToken and each `ccmessaging-token` of a session (also the rotated ones), before any answer is printed.
 */
export function registeringFetch(secrets: SecretRegistry): FetchFunction {
  const register = (headers: Headers): void => {
    for (const name of CREDENTIAL_HEADERS) {
      const value = headers.get(name);
      if (value !== null) secrets.add(value.replace(/^Bearer\s+/i, ''));
    }
  };
  return async (input, init) => {
    register(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)));
    const response = await globalThis.fetch(input, init);
    register(response.headers);
    return response;
  };
}

/**
 * A direct AICC client from the run's settings: base URL, app key, app secret (flags > environment >
 * profile), `--timeout`, `--retries`. Missing settings are usage errors, raised before anything is sent.
 */
export async function createAiccClientFromSettings(invocation: CommandInvocation): Promise<AiccDirectClient> {
  const { settings } = invocation;
  const baseUrl = await settings.require(SETTINGS.aiccBaseUrl, 'AICC base URL');
  const appKey = await settings.require(SETTINGS.aiccAppKey, 'AICC app key');
  const appSecret = await settings.requireSecret(SECRETS.aiccAppSecret);
  const { timeoutMs, retries } = readTransportFlags(settings);
  return createAiccClient({
    fetch: registeringFetch(invocation.secrets),
    baseUrl,
    appKey,
    appSecret,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(retries === undefined ? {} : { retry: { limit: retries } }),
  });
}
