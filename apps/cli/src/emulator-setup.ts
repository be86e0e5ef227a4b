import { createEmulator } from '@tokenwire/emulator';
import type { SecretRegistry } from './config/secret-registry.js';

/** The settings of an emulator the CLI starts (`tokenwire emulator`, `tokenwire demo`). */
export interface CliEmulatorSettings {
  readonly sdkAppId: number;
  readonly identifier: string;
  readonly secretKey: string;
  readonly aiccAppKey: string;
  readonly aiccAppSecret: string;
  readonly aiccChannelId: string;
  /** How long an AICC poll is held when no message waits, in ms. */
  readonly pollHoldMs: number;
  /** How long the emulated robot takes to answer, in ms. */
  readonly robotReplyDelayMs: number;
}

/** Defaults of the emulated Tencent app and AICC tenant. */
export const EMULATOR_DEFAULTS = {
  sdkAppId: 1400000000,
  identifier: 'administrator',
  aiccAppKey: 'tokenwire-app-key',
  aiccChannelId: 'web-channel',
} as const;

/** A random secret (32 bytes as hex) from the CSPRNG, registered for redaction. */
export function randomSecret(secrets: SecretRegistry): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return secrets.add(Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(''));
}

/** Creates the emulator with both services: the Tencent app (one administrator) and the AICC tenant (one channel). */
export function createCliEmulator(settings: CliEmulatorSettings) {
  return createEmulator({
    tencent: { sdkAppId: settings.sdkAppId, secretKey: settings.secretKey, admins: [settings.identifier] },
    aicc: {
      appKey: settings.aiccAppKey,
      appSecret: settings.aiccAppSecret,
      channels: [settings.aiccChannelId],
      pollHoldMs: settings.pollHoldMs,
      robotReplyDelayMs: settings.robotReplyDelayMs,
      agent: { joinDelayMs: 1500, nickname: 'Agent Alice' },
    },
  });
}

/** The emulator {@link createCliEmulator} returns. */
export type CliEmulator = ReturnType<typeof createCliEmulator>;
