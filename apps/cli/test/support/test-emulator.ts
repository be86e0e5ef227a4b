import { randomBytes } from 'node:crypto';
import { createEmulator } from '@tokenwire/emulator';
import { serveEmulator, type ServedEmulator } from '@tokenwire/emulator/serve';
import { registerSecret } from './secret-audit.js';

export const SDK_APP_ID = 1400000000;
export const ADMIN = 'administrator';
export const APP_KEY = 'cli-test-app-key';
export const CHANNEL = 'web-channel';

/** A random secret, registered with the redaction audit. */
export function testSecret(): string {
  return registerSecret(randomBytes(24).toString('hex'));
}

/**
 * The emulator (Tencent + AICC, with an agent) served over HTTP on 127.0.0.1 and a free port, with fresh random
 * secrets, and the TOKENWIRE_* environment that points the CLI at it.
 */
export async function startTestEmulator(options: { pollHoldMs?: number; robotReplyDelayMs?: number } = {}) {
  const secretKey = testSecret();
  const appSecret = testSecret();
  const emulator = createEmulator({
    tencent: { sdkAppId: SDK_APP_ID, secretKey, admins: [ADMIN] },
    aicc: {
      appKey: APP_KEY,
      appSecret,
      channels: [CHANNEL],
      pollHoldMs: options.pollHoldMs ?? 200,
      robotReplyDelayMs: options.robotReplyDelayMs ?? 20,
      agent: { joinDelayMs: 100 },
    },
  });
  const server: ServedEmulator = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });
  const env = {
    TOKENWIRE_SDK_APP_ID: String(SDK_APP_ID),
    TOKENWIRE_IDENTIFIER: ADMIN,
    TOKENWIRE_SECRET_KEY: secretKey,
    TOKENWIRE_BASE_URL: server.url,
    TOKENWIRE_AICC_BASE_URL: server.url,
    TOKENWIRE_AICC_APP_KEY: APP_KEY,
    TOKENWIRE_AICC_APP_SECRET: appSecret,
  };
  /** Registers every token the emulator issued or holds (callback token, AccessTokens, ccmessaging-tokens). */
  const registerIssuedSecrets = (): void => {
    registerSecret(emulator.tencent.state.callbackToken?.token);
    for (const token of emulator.aicc.state.accessTokens.keys()) registerSecret(token);
    for (const token of emulator.aicc.state.messageTokens.keys()) registerSecret(token);
  };
  return {
    emulator,
    server,
    url: server.url,
    secretKey,
    appSecret,
    env,
    registerIssuedSecrets,
    async close() {
      registerIssuedSecrets();
      await server.close();
      emulator.close();
    },
  };
}

/** A TCP port on 127.0.0.1 where nothing listens (bound once, then released). */
export async function unusedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
