import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signCallback } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { registerSecret } from './support/secret-audit.js';
import { SDK_APP_ID } from './support/test-emulator.js';
import { temporaryDirectory } from './support/temporary-directory.js';

const directory = temporaryDirectory('callback');
const token = registerSecret('current-callback-token-0123456789');
const previous = registerSecret('previous-callback-token-9876543210');
const env = { TOKENWIRE_SDK_APP_ID: String(SDK_APP_ID), TOKENWIRE_CALLBACK_TOKEN: token };
const now = () => Math.floor(Date.now() / 1000);

function callbackUrl(options: { signWith?: string; requestTime?: number; sdkAppId?: number; command?: string } = {}): string {
  const requestTime = options.requestTime ?? now();
  const sign = signCallback({ token: options.signWith ?? token, requestTime });
  const query = new URLSearchParams({
    SdkAppid: String(options.sdkAppId ?? SDK_APP_ID),
    CallbackCommand: options.command ?? 'Live.CallbackAfterCreateRoom',
    contenttype: 'json',
    ClientIP: '127.0.0.1',
    OptPlatform: 'RESTAPI',
    Sign: sign,
    RequestTime: String(requestTime),
  });
  return `https://hooks.example.com/tencent?${query.toString()}`;
}

describe('callback sign', () => {
  it('prints sha256(token + RequestTime) alone, as core signCallback computes it', async () => {
    const result = await runCli(['callback', 'sign', '--time', '1700000000'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${signCallback({ token, requestTime: 1700000000 })}\n`);
    const json = await runCli(['callback', 'sign', '--time', '1700000000', '--json'], { env });
    expect(json.json()).toEqual({ ok: true, sign: signCallback({ token, requestTime: 1700000000 }), requestTime: 1700000000 });
  });

  it('signs for the current second by default and refuses a malformed time', async () => {
    const before = now();
    const result = await runCli(['callback', 'sign', '--json'], { env });
    const { sign, requestTime } = result.json<{ sign: string; requestTime: number }>();
    expect(requestTime).toBeGreaterThanOrEqual(before);
    expect(sign).toBe(signCallback({ token, requestTime }));
    const bad = await runCli(['callback', 'sign', '--time', '17e8'], { env });
    expect(bad.code).toBe(2);
  });
});

describe('callback sign with a short token', () => {
  // Deliberately not registered with the audit: 4 characters that also occur in the RequestTime and the signature.
  const short = '1700';

  it('prints the asked-for signature and the JSON intact, even where they contain the token', async () => {
    let requestTime = 1700000000;
    while (!signCallback({ token: short, requestTime }).includes(short)) requestTime++;
    const signature = signCallback({ token: short, requestTime });
    const shortEnv = { TOKENWIRE_CALLBACK_TOKEN: short };
    const human = await runCli(['callback', 'sign', '--time', String(requestTime)], { env: shortEnv });
    expect(human.stdout).toBe(`${signature}\n`);
    const json = await runCli(['callback', 'sign', '--time', String(requestTime), '--json'], { env: shortEnv });
    expect(json.json()).toEqual({ ok: true, sign: signature, requestTime });
  });

  it('still redacts the token inside other string values, keeping the JSON valid', async () => {
    const url = `https://hooks.example.com/tencent?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterCreateRoom&Sign=${signCallback({ token: short, requestTime: now() })}&RequestTime=${now()}&note=x1700x`;
    const result = await runCli(['callback', 'verify', '--url', url, '--json'], {
      env: { TOKENWIRE_SDK_APP_ID: String(SDK_APP_ID), TOKENWIRE_CALLBACK_TOKEN: short },
    });
    expect(result.code).toBe(0);
    const body = result.json<{ url: string; requestTime: number }>();
    expect(typeof body.requestTime).toBe('number');
    expect(body.url).toContain('note=x***x');
  });
});

describe('callback verify', () => {
  it('accepts a genuine callback URL (exit 0) and never prints Sign or the token', async () => {
    const url = callbackUrl();
    const result = await runCli(['callback', 'verify', '--url', url], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ valid callback/);
    expect(result.stdout).toMatch(/command\s+Live.CallbackAfterCreateRoom/);
    expect(result.stdout).not.toContain(new URL(url).searchParams.get('Sign')!);
    const json = await runCli(['callback', 'verify', '--url', url, '--json'], { env });
    expect(json.json()).toMatchObject({
      ok: true,
      valid: true,
      command: 'Live.CallbackAfterCreateRoom',
      sdkAppId: SDK_APP_ID,
      bodyChecked: false,
      url: expect.stringContaining('Sign=***'),
    });
  });

  it.each([
    ['signature_mismatch', () => callbackUrl({ signWith: registerSecret('someone-elses-token-000') })],
    ['stale_request_time', () => callbackUrl({ requestTime: now() - 600 })],
    ['sdkappid_mismatch', () => callbackUrl({ sdkAppId: 1400000001 })],
    ['missing_signature', () => callbackUrl().replace(/&Sign=[^&]+/, '')],
  ])('refuses %s with exit 1', async (reason, make) => {
    const result = await runCli(['callback', 'verify', '--url', make(), '--json'], { env });
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ ok: false, valid: false, reason, error: { name: 'CallbackSignatureError', reason } });
    expect(result.stderr).toContain(`callback refused (${reason})`);
  });

  it('accepts either token of a rotation from --tokens-file', async () => {
    const tokensFile = join(directory, 'tokens.txt');
    writeFileSync(tokensFile, `# current, then previous\n${token}\n\n${previous}\n`);
    const envWithout = { TOKENWIRE_SDK_APP_ID: String(SDK_APP_ID) };
    for (const signWith of [token, previous]) {
      const result = await runCli(['callback', 'verify', '--url', callbackUrl({ signWith }), '--tokens-file', tokensFile], {
        env: envWithout,
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/these 2 tokens/);
    }
    writeFileSync(tokensFile, JSON.stringify([token]));
    const dropped = await runCli(['callback', 'verify', '--url', callbackUrl({ signWith: previous }), '--tokens-file', tokensFile], {
      env: envWithout,
    });
    expect(dropped.code).toBe(1);
  });

  it('--tokens-file and --token-file override TOKENWIRE_CALLBACK_TOKEN', async () => {
    const next = registerSecret('next-callback-token-after-rotation');
    const tokensFile = join(directory, 'only-next.txt');
    writeFileSync(tokensFile, `${next}\n`);
    for (const flag of ['--tokens-file', '--token-file']) {
      const old = await runCli(['callback', 'verify', '--url', callbackUrl({ signWith: token }), flag, tokensFile, '--json'], { env });
      expect(old.code, flag).toBe(1);
      expect(old.json()).toMatchObject({ valid: false, reason: 'signature_mismatch' });
      const current = await runCli(['callback', 'verify', '--url', callbackUrl({ signWith: next }), flag, tokensFile], { env });
      expect(current.code, flag).toBe(0);
      expect(current.stdout).toMatch(/with this token accepts it/);
    }
  });

  it('checks the body against the command with --body-file', async () => {
    const good = join(directory, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        CallbackCommand: 'Live.CallbackAfterCreateRoom',
        Operator_Account: 'host',
        RoomInfo: { RoomId: 'room-9' },
        EventTime: Date.now(),
      }),
    );
    const ok = await runCli(['callback', 'verify', '--url', callbackUrl(), '--body-file', good, '--json'], { env });
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ ok: true, bodyChecked: true, known: true });
    const bad = await runCli(['callback', 'verify', '--url', callbackUrl(), '--body', '{"RoomInfo":{}}', '--json'], { env });
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ reason: 'malformed_body' });
  });

  it('an unsigned callback checked with its body: the advice names the CLI command, not a library call', async () => {
    const unsigned = callbackUrl().replace(/&Sign=[^&]+/, '');
    const body = JSON.stringify({ CallbackCommand: 'Live.CallbackAfterCreateRoom', RoomInfo: { RoomId: 'room-9' } });
    const human = await runCli(['callback', 'verify', '--url', unsigned, '--body', body], { env });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/callback refused \(missing_signature\)/);
    expect(human.stderr).toContain("turn token authentication on ('tokenwire live-config token set --enable')");
    expect(human.stderr).not.toMatch(/setCallbackToken|\(client|tokens: null/);
    const json = await runCli(['callback', 'verify', '--url', unsigned, '--body', body, '--json'], { env });
    expect(json.json<{ error: { message: string } }>().error.message).toContain("'tokenwire live-config token set --enable'");
    expect(json.stdout).not.toMatch(/setCallbackToken|\(client|tokens: null/);
  });

  it("accepts Tencent's current samples and reports where the event time is, and a URL/body command disagreement", async () => {
    // 647/64422: no EventTime anywhere — a valid callback, not a changed body.
    const current =
      '{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{"RoomId":"tandy-test-rest","RoomType":"Live"}}';
    const noTime = await runCli(['callback', 'verify', '--url', callbackUrl(), '--body', current, '--json'], { env });
    expect(noTime.code).toBe(0);
    expect(noTime.json()).toMatchObject({ ok: true, known: true });
    expect(noTime.json()).not.toHaveProperty('eventTime');
    // 647/110679: EventTime inside RoomInfo.
    const nested = current.replace('"RoomType":"Live"}', '"RoomType":"Live","EventTime":1703589922780}');
    const withTime = await runCli(['callback', 'verify', '--url', callbackUrl(), '--body', nested], { env });
    expect(withTime.code).toBe(0);
    expect(withTime.stdout).toContain('event time 2023-12-26T11:25:22.780Z');
    // 647/64424: the table's spelling in the URL, the sample's in the body.
    const member = '{"CallbackCommand":"Live.CallbackAfterMemberStateChanged","RoomId":"room_id","EventCause":"Kicked"}';
    const url = callbackUrl({ command: 'Live.CallbackMemberStateChanged' });
    const mismatch = await runCli(['callback', 'verify', '--url', url, '--body', member, '--json'], { env });
    expect(mismatch.code).toBe(0);
    expect(mismatch.json()).toMatchObject({
      command: 'Live.CallbackAfterMemberStateChanged',
      known: true,
      commandMismatch: { query: 'Live.CallbackMemberStateChanged', body: 'Live.CallbackAfterMemberStateChanged' },
    });
    const human = await runCli(['callback', 'verify', '--url', url, '--body', member], { env });
    expect(human.stdout).toContain('URL says Live.CallbackMemberStateChanged, body says Live.CallbackAfterMemberStateChanged');
  });

  it('usage errors: no URL, a relative URL, no token', async () => {
    expect((await runCli(['callback', 'verify'], { env })).code).toBe(2);
    expect((await runCli(['callback', 'verify', '--url', '/tencent?Sign=x'], { env })).code).toBe(2);
    const noToken = await runCli(['callback', 'verify', '--url', callbackUrl()], { env: { TOKENWIRE_SDK_APP_ID: String(SDK_APP_ID) } });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/no callback token/);
  });
});
