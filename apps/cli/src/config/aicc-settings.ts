import { createAiccClient, type AiccDirectClient, type AiccUser } from '@tokenwire/aicc-messaging';
import type { CommandInvocation } from '../command.js';
import type { OptionDefinitions } from '../command.js';
import { UsageError } from '../usage-error.js';
import { SECRETS, SETTINGS } from './settings.js';
import { readTransportFlags } from './tencent-settings.js';

/** Flags naming the AICC end user a `ccmessaging-token` is for. */
export const AICC_USER_OPTIONS: OptionDefinitions = {
  'user-id': { type: 'string', valueName: 'ID', description: 'the end user id, 1–32 characters (required)' },
  'user-name': { type: 'string', valueName: 'NAME', description: 'display name (default: the user id)' },
  'channel-id': { type: 'string', valueName: 'ID', description: 'the web channel Configuration ID (required)' },
  locale: { type: 'string', valueName: 'LOCALE', description: 'ISO 639 language, e.g. en, zh_CN (default en)' },
};

/** The AICC end user from `--user-id`, `--user-name`, `--channel-id`, `--locale`. */
export function readAiccUser(invocation: CommandInvocation): AiccUser {
  const { settings } = invocation;
  const userId = settings.flag('user-id');
  const channelId = settings.flag('channel-id');
  if (userId === undefined) throw new UsageError('--user-id is required');
  if (channelId === undefined) throw new UsageError('--channel-id is required (the web channel Configuration ID)');
  return { userId, userName: settings.flag('user-name') ?? userId, channelId, locale: settings.flag('locale') ?? 'en' };
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
    baseUrl,
    appKey,
    appSecret,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(retries === undefined ? {} : { retry: { limit: retries } }),
  });
}
