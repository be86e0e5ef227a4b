import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './support/run-cli.js';
import { registerSecret } from './support/secret-audit.js';
import { CHANNEL, startTestEmulator, unusedPort } from './support/test-emulator.js';

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator({ pollHoldMs: 300, robotReplyDelayMs: 30 });
});
afterAll(async () => {
  await harness.close();
});

const aiccState = () => harness.emulator.aicc.state;

/** Resolves once `text` appears on the child's stdout. */
function waitForOutput(child: ReturnType<typeof spawnCli>, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" in:\n${seen}`)), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

describe('aicc token', () => {
  it('gets an AccessToken and a ccmessaging-token for the user, both shown as ***', async () => {
    const issuedBefore = aiccState().counters.issuedMessageTokens;
    const result = await runCli(
      ['aicc', 'token', '--user-id', 'cli-user-1', '--user-name', 'Ada', '--channel-id', CHANNEL, '--locale', 'en', '--json'],
      { env: harness.env },
    );
    harness.registerIssuedSecrets();
    expect(result.code).toBe(0);
    const body = result.json<{ expiresAt: string; accessTokenExpiresAt: string }>();
    expect(body).toMatchObject({
      ok: true,
      user: { userId: 'cli-user-1', userName: 'Ada', channelId: CHANNEL, locale: 'en' },
      token: '***',
      accessToken: '***',
    });
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(3_500_000);
    expect(aiccState().counters.issuedMessageTokens).toBe(issuedBefore + 1);
    const human = await runCli(['aicc', 'token', '--user-id', 'cli-user-1', '--channel-id', CHANNEL], { env: harness.env });
    harness.registerIssuedSecrets();
    expect(human.stdout).toMatch(/✓ ccmessaging-token issued for cli-user-1 on web-channel/);
    expect(human.stdout).toMatch(/ccmessaging-token\s+\*\*\* · expires/);
  });

  it('--show-secrets prints the issued token', async () => {
    const result = await runCli(['aicc', 'token', '--user-id', 'cli-user-2', '--channel-id', CHANNEL, '--json', '--show-secrets'], {
      env: harness.env,
    });
    const { token, accessToken } = result.json<{ token: string; accessToken: string }>();
    result.allowRevealed(token, accessToken);
    expect(aiccState().messageTokens.get(token)?.userId).toBe('cli-user-2');
    expect(aiccState().accessTokens.has(accessToken)).toBe(true);
  });

  it('a bad user is refused before any token is fetched (exit 2)', async () => {
    const requests = () => [...aiccState().requestsByPath.values()].reduce((sum, count) => sum + count, 0);
    const before = requests();
    for (const [args, message] of [
      [['--user-id', 'u'.repeat(40)], /--user-id must be 1–32 characters/],
      [['--user-id', 'u', '--locale', 'english!'], /--locale must be an ISO 639 code/],
      [['--user-id', 'u', '--user-name', ''], /--user-name must not be empty/],
    ] as const) {
      for (const command of ['token', 'chat']) {
        const refused = await runCli(['aicc', command, ...args, '--channel-id', CHANNEL], { env: harness.env });
        expect(refused.code, `${command} ${args.join(' ')}`).toBe(2);
        expect(refused.stderr).toMatch(message);
      }
    }
    expect(requests()).toBe(before);
  });

  it('exits 1 for an unknown channel and for a wrong app secret, 2 for a missing user, 3 when unreachable', async () => {
    const channel = await runCli(['aicc', 'token', '--user-id', 'u', '--channel-id', 'no-such-channel', '--json'], { env: harness.env });
    expect(channel.code).toBe(1);
    expect(channel.json()).toMatchObject({ ok: false, error: { name: 'AiccApiError', path: '/apiaccess/ccmessaging/applyToken' } });
    const wrong = registerSecret('wrong-app-secret-000000');
    const auth = await runCli(['aicc', 'token', '--user-id', 'u', '--channel-id', CHANNEL, '--json'], {
      env: { ...harness.env, TOKENWIRE_AICC_APP_SECRET: wrong },
    });
    expect(auth.code).toBe(1);
    expect(auth.json()).toMatchObject({ ok: false, error: { name: 'FabricAuthError' } });
    const usage = await runCli(['aicc', 'token', '--channel-id', CHANNEL], { env: harness.env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--user-id is required/);
    const port = await unusedPort();
    const unreachable = await runCli(['aicc', 'token', '--user-id', 'u', '--channel-id', CHANNEL, '--retries', '0'], {
      env: { ...harness.env, TOKENWIRE_AICC_BASE_URL: `http://127.0.0.1:${port}` },
    });
    expect(unreachable.code).toBe(3);
  });
});

describe('aicc chat with piped input', () => {
  it('sends each line, prints the answers as they arrive, goes to an agent and disconnects at the end', async () => {
    const input = 'How can I track my order?\n/agent\nThanks for the help!\n';
    const result = await runCli(['aicc', 'chat', '--user-id', 'chat-user-1', '--user-name', 'Bob', '--channel-id', CHANNEL], {
      env: harness.env,
      input,
    });
    harness.registerIssuedSecrets();
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const index = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(index(/^● connected as Bob \(chat-user-1\) on web-channel/)).toBe(0);
    // answers follow their questions
    expect(index(/^robot .*› Hello Bob/)).toBeGreaterThan(0);
    expect(index(/^you › How can I track my order\?/)).toBeGreaterThan(index(/^robot .*› Hello Bob/));
    expect(index(/^robot .*› .*tracking number/)).toBeGreaterThan(index(/^you › How can I track my order\?/));
    expect(index(/^agent .*› /)).toBeGreaterThan(index(/^you › \/agent/));
    expect(index(/^agent .*› .*Thanks for the help!/)).toBeGreaterThan(index(/^you › Thanks for the help!/));
    expect(lines.at(-2)).toBe('● disconnected');
    const session = aiccState().sessions.get('chat-user-1');
    expect(session?.status).toBe('closed');
    expect(session?.agentJoinedAt).toBeDefined();
    // no spinner or escape codes when nothing is a terminal
    expect(result.stdout + result.stderr).not.toMatch(/\u001b\[/);
  });

  it('--json gives the transcript as one object', async () => {
    const result = await runCli(['aicc', 'chat', '--user-id', 'chat-user-2', '--channel-id', CHANNEL, '--json'], {
      env: harness.env,
      input: 'How do I reset my password?\n/quit\nthis line is never sent\n',
    });
    harness.registerIssuedSecrets();
    expect(result.code, result.stderr).toBe(0);
    const body = result.json<{ ok: boolean; sent: number; transcript: { from: string; text: string }[] }>();
    expect(body.ok).toBe(true);
    expect(body.sent).toBe(1);
    const you = body.transcript.findIndex((entry) => entry.from === 'you' && entry.text === 'How do I reset my password?');
    expect(you).toBeGreaterThan(0);
    expect(body.transcript.slice(you + 1).some((entry) => entry.from === 'robot' && /password/i.test(entry.text))).toBe(true);
    expect(body.transcript.some((entry) => entry.text === 'this line is never sent')).toBe(false);
    expect(aiccState().sessions.get('chat-user-2')?.status).toBe('closed');
  });

  it('a line that fails is reported and the chat goes on; piped input then exits 1', async () => {
    const result = await runCli(['aicc', 'chat', '--user-id', 'chat-user-4', '--channel-id', CHANNEL, '--json'], {
      env: harness.env,
      input: '/queue\nHow can I track my order?\n',
    });
    harness.registerIssuedSecrets();
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/✗ \/queue failed: AiccApiError: /);
    const body = result.json<{ ok: boolean; sent: number; failures: number; transcript: { from: string; text: string }[] }>();
    expect(body).toMatchObject({ ok: false, sent: 1, failures: 1 });
    expect(body.transcript.some((entry) => entry.from === 'robot' && /tracking number/.test(entry.text))).toBe(true);
    expect(aiccState().sessions.get('chat-user-4')?.status).toBe('closed');
  });

  it('Ctrl-C (SIGINT) disconnects cleanly and exits 0', async () => {
    const child = spawnCli(['aicc', 'chat', '--user-id', 'chat-user-3', '--channel-id', CHANNEL], { env: harness.env });
    child.stdin.write('Where is my order?\n');
    await waitForOutput(child, 'tracking number');
    expect(aiccState().sessions.get('chat-user-3')?.status).toBe('robot');
    child.kill('SIGINT');
    const result = await child.result;
    harness.registerIssuedSecrets();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/● disconnected \(Ctrl-C\)/);
    expect(aiccState().sessions.get('chat-user-3')?.status).toBe('closed');
  });

  it('refuses --app-secret-stdin, since stdin carries the messages', async () => {
    const result = await runCli(['aicc', 'chat', '--user-id', 'u', '--channel-id', CHANNEL, '--app-secret-stdin'], {
      env: harness.env,
      input: 'x\n',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/reads your messages from standard input/);
  });
});
