import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './support/run-cli.js';

interface DemoReport {
  ok: boolean;
  steps: {
    number: number;
    title: string;
    ok: boolean;
    durationMs: number;
    details: string[];
    error?: { name: string; message: string; exitCode: number };
  }[];
  passed: number;
  total: number;
  totalMs: number;
  emulator: string | null;
  receiver: string | null;
  error?: { name: string; exitCode: number };
}

/** Secrets of the demo are random per run; none of their shapes may appear in its output. */
function expectNoSecretShapes(text: string): void {
  expect(text).not.toMatch(/[0-9a-f]{64}/); // the secret key, the app secret, Sign values
  expect(text).not.toMatch(/[A-Za-z0-9_*-]{100,}/); // callback tokens (128 chars), UserSigs, long tokens
  expect(text).not.toMatch(/eJ[A-Za-z0-9*_-]{20,}|eAE[A-Za-z0-9*_-]{20,}/); // zlib-prefixed UserSigs
  // ccmessaging-tokens: base64 of a JSON object ({"createTime":…}), raw or URL-encoded
  expect(text).not.toMatch(/eyJ[A-Za-z0-9+/=_-]{16,}|eyJ(?:[A-Za-z0-9_-]|%2[BbFf]|%3[Dd]){16,}/);
}

describe('tokenwire demo', () => {
  it('--json: every step passed, with timings', async () => {
    // No timed assertion: speed is a benchmark budget, not a unit test (two shared cores make wall time noisy).
    const result = await runCli(['demo', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = result.json<DemoReport>();
    expect(report).toMatchObject({ ok: true, passed: 11, total: 11, emulator: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(report.receiver).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tencent\/callback$/);
    expect(report.steps.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const step of report.steps) {
      expect(step.ok, step.title).toBe(true);
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
      expect(step.details.length, step.title).toBeGreaterThan(0);
    }
    expect(report.steps.map((step) => step.title).join('\n')).toMatch(
      /UserSig[\s\S]*callback[\s\S]*token[\s\S]*Rotate[\s\S]*AICC tokens[\s\S]*AICC chat/,
    );
    expect(report.steps[9]!.details.join(' ')).toMatch(/robot: ".*tracking number/);
    expect(result.stderr).toBe('');
    expectNoSecretShapes(result.stdout);
  });

  it('human output: numbered ✓ steps, durations, secrets as ***, no colour when not a terminal', async () => {
    const result = await runCli(['demo']);
    expect(result.code, result.stderr).toBe(0);
    const stepLines = result.stdout.split('\n').filter((line) => /^\s+[✓✗]\s+\d+\./.test(line));
    expect(stepLines).toHaveLength(11);
    for (const line of stepLines) expect(line).toMatch(/^\s+✓\s+\d+\. .+\s\d+(\.\d+)? (ms|s)$/);
    expect(result.stdout).toMatch(/UserSig \*\*\*/);
    expect(result.stdout).toMatch(/token \*\*\*/);
    expect(result.stdout).toMatch(/✓ all 11 steps passed in \d/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expectNoSecretShapes(result.stdout + result.stderr);
  });

  it('stops at the first failing step, reports it and exits 1 (HTTP 502 on a route)', async () => {
    const result = await runCli(['demo', '--json', '--inject-fault', 'live_config/get_callback_token']);
    expect(result.code).toBe(1);
    const report = result.json<DemoReport>();
    expect(report.ok).toBe(false);
    expect(report.passed).toBe(3);
    expect(report.steps).toHaveLength(4);
    expect(report.steps[3]).toMatchObject({ ok: false, error: { name: 'HttpStatusError', exitCode: 1 } });
    expect(report.error).toMatchObject({ name: 'HttpStatusError' });
  });

  it('exits 3 when a step fails on the network (dropped connections)', async () => {
    const result = await runCli(['demo', '--inject-fault', '/apiaccess/ccmessaging/send=drop-connection']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/✗\s+10\. AICC chat/);
    expect(result.stdout).toMatch(/failed at step 10 · 9 of 11 steps passed/);
  });

  it('Ctrl-C ends a hanging step at once, closes the servers and exits 130', async () => {
    const child = spawnCli(['demo', '--json', '--inject-fault', 'live_config/get_callback_token=stall-body']);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    child.kill('SIGINT');
    const result = await child.result;
    expect(result.code).toBe(130);
    const report = result.json<DemoReport>();
    expect(report.ok).toBe(false);
    expect(report.steps.at(-1)).toMatchObject({ number: 4, ok: false });
    await expect(fetch(`${report.emulator}/v4/live_config/get_callback`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('refuses an unknown fault kind (exit 2)', async () => {
    const result = await runCli(['demo', '--inject-fault', 'live_config/*=explode']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown kind "explode"/);
  });
});
