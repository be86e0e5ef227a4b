import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './support/run-cli.js';
import { registerSecret } from './support/secret-audit.js';
import { unusedPort } from './support/test-emulator.js';
import { temporaryDirectory } from './support/temporary-directory.js';

const scratch = temporaryDirectory('emulator');

/** Resolves with the child's stdout once it contains `text`. */
function stdoutUntil(child: ReturnType<typeof spawnCli>, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" in:\n${seen}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

function parseEnvFile(path: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** The lines under "Settings for another shell" up to the AICC channel row: what a person pastes. */
function pastedLines(banner: string): string[] {
  const lines = banner.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Settings for another shell'));
  const end = lines.findIndex((line, index) => index > start && /AICC channel/.test(line));
  return lines.slice(start + 1, end).map((line) => line.trim());
}

/** Pastes the lines into a POSIX shell with an empty environment and returns the TOKENWIRE_* variables it then exports. */
function pasteIntoShell(lines: readonly string[]): Record<string, string> {
  const printed = execFileSync('sh', ['-c', `${lines.join('\n')}\nenv -0`], { env: { PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });
  return Object.fromEntries(
    printed
      .split('\0')
      .filter((entry) => entry.startsWith('TOKENWIRE_'))
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

/** Stops a spawned emulator with SIGTERM and expects a clean exit. */
async function stop(child: ReturnType<typeof spawnCli>): Promise<void> {
  child.kill('SIGTERM');
  expect((await child.result).code).toBe(0);
}

describe('tokenwire emulator: settings a person can paste', () => {
  // A secret with a space, a quote and a $ proves the quoting: pasted into a shell, it must arrive unchanged.
  const secretKey = registerSecret("emulator key: it's $HOME `x`");

  it('without --save-env or --show-secrets: exports of the plain settings only, the secrets named in a comment, never a *** value', async () => {
    const child = spawnCli(['emulator'], { env: { TOKENWIRE_SECRET_KEY: secretKey } });
    const banner = await stdoutUntil(child, 'Press Ctrl-C to stop');
    await stop(child);
    const lines = pastedLines(banner);
    expect(banner).not.toMatch(/=\s*'?\*\*\*/);
    expect(lines.filter((line) => line.startsWith('export ')).map((line) => line.slice(7, line.indexOf('=')))).toEqual([
      'TOKENWIRE_BASE_URL',
      'TOKENWIRE_SDK_APP_ID',
      'TOKENWIRE_IDENTIFIER',
      'TOKENWIRE_AICC_BASE_URL',
      'TOKENWIRE_AICC_APP_KEY',
    ]);
    expect(lines.at(-1)).toMatch(/^# TOKENWIRE_SECRET_KEY and TOKENWIRE_AICC_APP_SECRET not shown: --save-env PATH .*--show-secrets/);
    const pasted = pasteIntoShell(lines);
    expect(pasted['TOKENWIRE_BASE_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(pasted['TOKENWIRE_SECRET_KEY']).toBeUndefined();
  });

  it('with --save-env: one line that sources the file; pasted, it sets every setting, the secrets exactly', async () => {
    const envFile = join(scratch, "saved settings's.env");
    const child = spawnCli(['emulator', '--save-env', envFile], { env: { TOKENWIRE_SECRET_KEY: secretKey } });
    const banner = await stdoutUntil(child, 'Press Ctrl-C to stop');
    const lines = pastedLines(banner);
    expect(lines[0]).toBe(`set -a; . '${envFile.replaceAll("'", "'\\''")}'; set +a`);
    expect(lines.filter((line) => !line.startsWith('#'))).toHaveLength(1);
    expect(banner).not.toMatch(/\*\*\*/);
    const pasted = pasteIntoShell(lines);
    registerSecret(pasted['TOKENWIRE_AICC_APP_SECRET']);
    expect(pasted['TOKENWIRE_SECRET_KEY']).toBe(secretKey);
    expect(pasted['TOKENWIRE_AICC_APP_SECRET']).toMatch(/^[0-9a-f]{64}$/);
    // What the pasted line set works against the running emulator.
    const set = await runCli(
      ['live-config', 'callback', 'set', '--url', 'https://hooks.example.com/cb', '--command', 'Live.CallbackAfterCreateRoom'],
      { env: pasted },
    );
    expect(set.code, set.stderr).toBe(0);
    const token = await runCli(['aicc', 'token', '--user-id', 'u1', '--channel-id', 'web-channel'], { env: pasted });
    expect(token.code, token.stderr).toBe(0);
    await stop(child);
  });

  it('with --show-secrets: the real values as exports, and a warning on stderr', async () => {
    const child = spawnCli(['emulator', '--show-secrets'], { env: { TOKENWIRE_SECRET_KEY: secretKey }, reveals: [secretKey] });
    const banner = await stdoutUntil(child, 'Press Ctrl-C to stop');
    const pasted = pasteIntoShell(pastedLines(banner));
    await stop(child);
    const result = await child.result;
    expect(pasted['TOKENWIRE_SECRET_KEY']).toBe(secretKey);
    expect(pasted['TOKENWIRE_AICC_APP_SECRET']).toMatch(/^[0-9a-f]{64}$/);
    expect(result.stderr).toMatch(/warning: TOKENWIRE_SECRET_KEY and TOKENWIRE_AICC_APP_SECRET are printed in clear \(--show-secrets\)/);
  });
});

describe('tokenwire emulator', () => {
  it('a busy --port is a usage error with a clear message (exit 2)', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)),
    );
    try {
      const result = await runCli(['emulator', '--port', String(port), '--json']);
      expect(result.code).toBe(2);
      expect(result.json()).toMatchObject({ ok: false, error: { name: 'UsageError', exitCode: 2 } });
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the address is in use; choose another --port`);
      expect(result.stderr).not.toMatch(/unexpected error/);
    } finally {
      busy.close();
    }
  });

  it('--json prints one object with the settings (secrets ***), serves both APIs, and stops on SIGINT', async () => {
    const envFile = join(scratch, 'emulator.env');
    const child = spawnCli(['emulator', '--json', '--save-env', envFile, '--poll-hold', '200', '--robot-delay', '10']);
    const first = await stdoutUntil(child, '\n');
    const started = JSON.parse(first) as {
      ok: boolean;
      url: string;
      port: number;
      env: Record<string, string>;
      aiccChannelId: string;
      envFile: string;
    };
    expect(started).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      aiccChannelId: 'web-channel',
      envFile,
    });
    expect(started.env).toMatchObject({
      TOKENWIRE_BASE_URL: started.url,
      TOKENWIRE_SDK_APP_ID: '1400000000',
      TOKENWIRE_SECRET_KEY: '***',
      TOKENWIRE_AICC_APP_SECRET: '***',
    });

    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const env = parseEnvFile(envFile);
    registerSecret(env['TOKENWIRE_SECRET_KEY'], env['TOKENWIRE_AICC_APP_SECRET']);
    expect(env['TOKENWIRE_SECRET_KEY']).toMatch(/^[0-9a-f]{64}$/);

    const set = await runCli(
      ['live-config', 'callback', 'set', '--url', 'https://hooks.example.com/cb', '--command', 'Live.CallbackAfterCreateRoom'],
      { env },
    );
    expect(set.code, set.stderr).toBe(0);
    const get = await runCli(['live-config', 'callback', 'get', '--json'], { env });
    expect(get.json()).toMatchObject({ url: 'https://hooks.example.com/cb' });
    const token = await runCli(['aicc', 'token', '--user-id', 'u1', '--channel-id', 'web-channel', '--json'], { env });
    expect(token.code, token.stderr).toBe(0);

    child.kill('SIGINT');
    const result = await child.result;
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1); // JSON mode: only the one object
    await expect(fetch(`${started.url}/v4/live_config/get_callback`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('prints the settings and a redacted request log in human mode, and stops on SIGTERM', async () => {
    const port = await unusedPort();
    const secretKey = registerSecret('emulator-secret-key-given-by-env');
    const child = spawnCli(['emulator', '--port', String(port)], { env: { TOKENWIRE_SECRET_KEY: secretKey } });
    const banner = await stdoutUntil(child, 'Press Ctrl-C to stop');
    expect(banner).toContain(`listening on http://127.0.0.1:${port}`);
    expect(banner).not.toContain('TOKENWIRE_SECRET_KEY=');
    const env = { TOKENWIRE_BASE_URL: `http://127.0.0.1:${port}`, TOKENWIRE_SDK_APP_ID: '1400000000', TOKENWIRE_SECRET_KEY: secretKey };
    const logged = stdoutUntil(child, '/v4/live_config/get_callback_token');
    const get = await runCli(['live-config', 'token', 'get'], { env });
    expect(get.code).toBe(1); // 100302: no token yet, but the key was accepted
    expect(get.stderr).toMatch(/100302/);
    expect(await logged).toMatch(/POST\s+\/v4\/live_config\/get_callback_token 200/);
    child.kill('SIGTERM');
    const result = await child.result;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/stopped/);
  });

  it('refuses a bad port (exit 2)', async () => {
    const result = await runCli(['emulator', '--port', '70000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--port must be an integer from 0 to 65535/);
  });
});
