// The same bundle on Node, Bun and Deno (`deno run -A`): the smoke cases of the suite.
import { verifyUserSig } from '@tokenwire/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runCli, type Runtime } from './support/run-cli.js';
import { CHANNEL, SDK_APP_ID, startTestEmulator, unusedPort } from './support/test-emulator.js';

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator({ pollHoldMs: 300, robotReplyDelayMs: 20 });
});
afterAll(async () => {
  await harness.close();
});

describe.each<Runtime>(['node', 'bun', 'deno'])('dist/cli.js under %s', (runtime) => {
  it('--version names the runtime', async () => {
    const result = await runCli(['--version', '--json'], { runtime });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toEqual({
      ok: true,
      version: packageJson.version,
      runtime: expect.stringMatching(new RegExp(`^${runtime} \\d+\\.\\d+`)),
    });
  });

  it('usersig sign | usersig verify', async () => {
    const signed = await runCli(['usersig', 'sign', '--user-id', `smoke-${runtime}`], { runtime, env: harness.env });
    expect(signed.code, signed.stderr).toBe(0);
    verifyUserSig(signed.stdout.trim(), { sdkAppId: SDK_APP_ID, secretKey: harness.secretKey, identifier: `smoke-${runtime}` });
    const verified = await runCli(['usersig', 'verify', '--user-sig-stdin', '--user-id', `smoke-${runtime}`, '--json'], {
      runtime,
      env: harness.env,
      input: signed.stdout,
    });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, valid: true, identifier: `smoke-${runtime}`, signature: '***' });
    const wrong = await runCli(['usersig', 'verify', '--user-sig-stdin', '--user-id', 'someone-else'], {
      runtime,
      env: harness.env,
      input: signed.stdout,
    });
    expect(wrong.code).toBe(1);
  });

  it('calls the served emulator over HTTP (live-config and an AICC chat from piped input)', async () => {
    const set = await runCli(
      [
        'live-config',
        'callback',
        'set',
        '--upsert',
        '--url',
        `https://hooks.example.com/${runtime}`,
        '--command',
        'Live.CallbackAfterCreateRoom',
        '--json',
      ],
      { runtime, env: harness.env },
    );
    expect(set.code, set.stderr).toBe(0);
    expect(harness.emulator.tencent.state.callback?.url).toBe(`https://hooks.example.com/${runtime}`);
    const chat = await runCli(['aicc', 'chat', '--user-id', `chat-${runtime}`, '--channel-id', CHANNEL, '--json'], {
      runtime,
      env: harness.env,
      input: 'How can I track my order?\n',
    });
    harness.registerIssuedSecrets();
    expect(chat.code, chat.stderr).toBe(0);
    const transcript = chat.json<{ transcript: { from: string; text: string }[] }>().transcript;
    expect(transcript.some((entry) => entry.from === 'robot' && /tracking number/.test(entry.text))).toBe(true);
    expect(harness.emulator.aicc.state.sessions.get(`chat-${runtime}`)?.status).toBe('closed');
  });

  it('demo --json: all 11 steps', async () => {
    const result = await runCli(['demo', '--json'], { runtime, timeoutMs: 30_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, passed: 11, total: 11 });
  });

  it('a usage error exits 2 without a stack trace', async () => {
    const result = await runCli(['usersig', 'sign', '--bogus'], { runtime });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--bogus/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3 when the service is unreachable', async () => {
    const port = await unusedPort();
    const result = await runCli(['live-config', 'token', 'get', '--retries', '0'], {
      runtime,
      env: { ...harness.env, TOKENWIRE_BASE_URL: `http://127.0.0.1:${port}` },
    });
    expect(result.code, result.stderr).toBe(3);
  });
});
