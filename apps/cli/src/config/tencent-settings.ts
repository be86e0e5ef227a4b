import { createTencentClient, isRegion, REGIONS, type TencentClient } from '@tokenwire/core';
import type { CommandInvocation } from '../command.js';
import { integerFlag } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';
import { SECRETS, SETTINGS, type Settings } from './settings.js';

/** The default App administrator account. */
export const DEFAULT_IDENTIFIER = 'administrator';

/** Parses an SDKAppID from any source; anything but an integer from 1 to 4294967295 is a usage error. */
export function parseSdkAppId(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1 || value > 4294967295) {
    throw new UsageError(`the SDKAppID must be an integer from 1 to 4294967295, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** The SDKAppID (required). */
export async function readSdkAppId(settings: Settings): Promise<number> {
  return parseSdkAppId(await settings.require(SETTINGS.sdkAppId, 'SDKAppID'));
}

/** The administrator identifier: flag > environment > profile > `administrator`. */
export async function readIdentifier(settings: Settings): Promise<string> {
  return (await settings.get(SETTINGS.identifier)) ?? DEFAULT_IDENTIFIER;
}

/**
 * The endpoint: a region or a base URL, from the highest-precedence source that gives either (flags, then
 * environment, then profile). Both at the same level is a usage error.
 */
export async function readEndpoint(
  settings: Settings,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ region: string } | { baseUrl: string }> {
  const levels: [string | undefined, string | undefined, string][] = [
    [settings.flag('region'), settings.flag('base-url'), '--region and --base-url'],
    [env['TOKENWIRE_REGION'] || undefined, env['TOKENWIRE_BASE_URL'] || undefined, 'TOKENWIRE_REGION and TOKENWIRE_BASE_URL'],
  ];
  const profile = await settings.profile();
  levels.push([profile?.settings.region, profile?.settings.baseUrl, `"region" and "baseUrl" in profile "${profile?.name}"`]);
  for (const [region, baseUrl, names] of levels) {
    if (region !== undefined && baseUrl !== undefined) throw new UsageError(`give either a region or a base URL, not both (${names})`);
    if (region !== undefined) {
      if (!isRegion(region)) throw new UsageError(`unknown region ${JSON.stringify(region)} (known: ${Object.keys(REGIONS).join(', ')})`);
      return { region };
    }
    if (baseUrl !== undefined) return { baseUrl };
  }
  throw new UsageError(
    'no endpoint: give --region (or TOKENWIRE_REGION) for Tencent Cloud, or --base-url (or TOKENWIRE_BASE_URL), e.g. the emulator',
  );
}

/** Reads `--timeout` and `--retries`. */
export function readTransportFlags(settings: Settings): { timeoutMs?: number; retries?: number } {
  const timeoutMs = integerFlag(settings.flag('timeout'), 'timeout', 1, 600_000);
  const retries = integerFlag(settings.flag('retries'), 'retries', 0, 10);
  return { ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(retries === undefined ? {} : { retries }) };
}

/**
 * A Tencent REST client from the run's settings: SDKAppID, identifier, secret key, region or base URL,
 * `--timeout`, `--retries`. Missing settings are usage errors, raised before anything is sent.
 */
export async function createTencentClientFromSettings(invocation: CommandInvocation): Promise<TencentClient> {
  const { settings } = invocation;
  const sdkAppId = await readSdkAppId(settings);
  const identifier = await readIdentifier(settings);
  const endpoint = await readEndpoint(settings, invocation.context.env);
  const secretKey = await settings.requireSecret(SECRETS.secretKey);
  const { timeoutMs, retries } = readTransportFlags(settings);
  return createTencentClient({
    sdkAppId,
    identifier,
    secretKey,
    ...(endpoint as { region: never } | { baseUrl: string }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(retries === undefined ? {} : { retry: { limit: retries } }),
  } as Parameters<typeof createTencentClient>[0]);
}
