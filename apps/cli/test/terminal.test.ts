// The CLI on a real terminal: colour, the live step display, the interactive chat with its prompt and spinner,
// and Ctrl-C typed at the prompt. A pseudo-terminal comes from util-linux `script`.
import { spawn, spawnSync } from 'node:child_process';
import { verifyUserSig } from '@tokenwire/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnvironment, CLI_PATH } from './support/run-cli.js';
import { recordRun, registerSecret } from './support/secret-audit.js';
import { CHANNEL, SDK_APP_ID, startTestEmulator } from './support/test-emulator.js';

const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs the CLI on a pseudo-terminal; `drive` gets a writer for keystrokes and a wait for output text. */
async function onTerminal(
  args: readonly string[],
  env: Record<string, string>,
  drive: (terminal: { type(text: string): void; waitFor(text: string | RegExp): Promise<void> }) => Promise<void> = async () => undefined,
): Promise<{ code: number | null; output: string }> {
  const quoted = [process.execPath, CLI_PATH, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], { env: { ...baseEnvironment(), TERM: 'xterm-256color', ...env } });
  let output = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const terminal = {
    type: (text: string) => void child.stdin.write(text),
    waitFor: (text: string | RegExp) =>
      new Promise<void>((resolve, reject) => {
        const matches = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
        const timer = setTimeout(() => reject(new Error(`no ${String(text)} on the terminal:\n${output}`)), 15_000);
        const check = () => {
          if (!matches()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
      }),
  };
  try {
    await drive(terminal);
  } finally {
    child.stdin.end();
  }
  const code = await exited;
  recordRun(args, { stdout: output, stderr: '' }, []);
  return { code, output };
}

describe.runIf(hasScript)('on a terminal', () => {
  let harness: Awaited<ReturnType<typeof startTestEmulator>>;
  beforeAll(async () => {
    harness = await startTestEmulator({ pollHoldMs: 300, robotReplyDelayMs: 30 });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('a secret typed at the prompt is not echoed; Backspace edits it, Ctrl-C aborts', async () => {
    const secretKey = registerSecret('typed-secret-key-0123');
    const args = ['usersig', 'sign', '--sdk-app-id', String(SDK_APP_ID), '--user-id', 'tty-signer', '--secret-key-stdin'];
    const { code, output } = await onTerminal(args, {}, async (terminal) => {
      await terminal.waitFor('(not shown)');
      terminal.type('typed-secret-kex\u007fy-0123\r');
      await terminal.waitFor(/eAE\S+/);
    });
    expect(code).toBe(0);
    expect(output).not.toContain('typed-secret');
    verifyUserSig(/eAE[A-Za-z0-9*_-]+/.exec(output)![0], { sdkAppId: SDK_APP_ID, secretKey, identifier: 'tty-signer' });

    const interrupted = await onTerminal(args, {}, async (terminal) => {
      await terminal.waitFor('(not shown)');
      terminal.type('typed-sec\u0003');
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.output).not.toContain('typed-sec');
    expect(interrupted.output).not.toMatch(/✗|error/i);
  });

  it('the demo is coloured, and plain with NO_COLOR', async () => {
    const coloured = await onTerminal(['demo'], {});
    expect(coloured.code).toBe(0);
    expect(coloured.output).toMatch(/\u001b\[32m✓\u001b\[39m/);
    expect(coloured.output).toContain('running'); // the running step is shown, then replaced
    const plain = await onTerminal(['demo'], { NO_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.output).not.toMatch(/\u001b\[\d+m/);
    expect(plain.output).toMatch(/✓ all 11 steps passed/);
  });

  it('aicc chat: prompt, replies as they arrive, a spinner while waiting for an agent, Ctrl-C disconnects', async () => {
    const { code, output } = await onTerminal(
      ['aicc', 'chat', '--user-id', 'tty-user', '--user-name', 'Ada', '--channel-id', CHANNEL],
      harness.env,
      async (terminal) => {
        await terminal.waitFor('you ›');
        await terminal.waitFor('Hello Ada');
        terminal.type('How can I track my order?\r');
        await terminal.waitFor('tracking number');
        terminal.type('/agent\r');
        await terminal.waitFor('waiting for an agent');
        await terminal.waitFor(/agent Agent Alice ›[\s\S]{0,20}connected to agent/);
        terminal.type('\u0003');
        await terminal.waitFor('disconnected');
      },
    );
    harness.registerIssuedSecrets();
    expect(code).toBe(0);
    expect(output).toContain('/agent   ask for a human agent');
    expect(output).toMatch(/disconnected\S* \S*\(Ctrl-C\)/);
    const session = harness.emulator.aicc.state.sessions.get('tty-user');
    expect(session?.status).toBe('closed');
    expect(session?.agentJoinedAt).toBeDefined();
  });
});
