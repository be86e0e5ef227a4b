import { chmodSync, existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { registerSecret } from './support/secret-audit.js';
import { startTestEmulator, unusedPort } from './support/test-emulator.js';
import { temporaryDirectory } from './support/temporary-directory.js';

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
const directory = temporaryDirectory('live-config');

beforeAll(async () => {
  harness = await startTestEmulator();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(async () => {
  // Each test starts from an app without callback configuration or token.
  await runCli(['live-config', 'callback', 'delete'], { env: harness.env });
  await runCli(['live-config', 'token', 'delete'], { env: harness.env });
  harness.emulator.faults.clear();
});

const tencentState = () => harness.emulator.tencent.state;

describe('live-config callback', () => {
  it('set, get, update, delete change the emulated app and report it', async () => {
    const set = await runCli(
      [
        'live-config',
        'callback',
        'set',
        '--url',
        'https://hooks.example.com/tencent',
        '--command',
        'Live.CallbackAfterCreateRoom',
        '--command',
        'Live.CallbackAfterDestroyRoom',
        '--json',
      ],
      { env: harness.env },
    );
    expect(set.code).toBe(0);
    expect(set.json()).toEqual({
      ok: true,
      outcome: 'created',
      url: 'https://hooks.example.com/tencent',
      commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'],
    });
    expect(tencentState().callback).toMatchObject({
      url: 'https://hooks.example.com/tencent',
      commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'],
    });

    const get = await runCli(['live-config', 'callback', 'get', '--json'], { env: harness.env });
    expect(get.json()).toEqual({
      ok: true,
      url: 'https://hooks.example.com/tencent',
      commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'],
    });

    const again = await runCli(
      ['live-config', 'callback', 'set', '--url', 'https://hooks.example.com/other', '--command', 'Live.CallbackAfterCreateRoom'],
      { env: harness.env },
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Tencent error 100300/);
    expect(again.stderr).toMatch(/RequestId Id-/);

    const update = await runCli(
      [
        'live-config',
        'callback',
        'update',
        '--url',
        'https://hooks.example.com/v2',
        '--command',
        'Live.CallbackBeforeSendGift,Live.CallbackAfterCreateRoom',
      ],
      { env: harness.env },
    );
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/✓ callback configuration updated/);
    expect(tencentState().callback).toMatchObject({
      url: 'https://hooks.example.com/v2',
      commands: ['Live.CallbackBeforeSendGift', 'Live.CallbackAfterCreateRoom'],
    });

    const upsert = await runCli(
      [
        'live-config',
        'callback',
        'set',
        '--upsert',
        '--url',
        'https://hooks.example.com/v3',
        '--command',
        'Live.CallbackAfterCreateRoom',
        '--json',
      ],
      { env: harness.env },
    );
    expect(upsert.json()).toMatchObject({ ok: true, outcome: 'updated' });

    const remove = await runCli(['live-config', 'callback', 'delete', '--json'], { env: harness.env });
    expect(remove.json()).toEqual({ ok: true, deleted: true });
    expect(tencentState().callback).toBeUndefined();

    const missing = await runCli(['live-config', 'callback', 'get', '--json'], { env: harness.env });
    expect(missing.code).toBe(1);
    expect(missing.json()).toMatchObject({
      ok: false,
      error: {
        name: 'TencentApiError',
        code: 100301,
        exitCode: 1,
        service: 'live_config',
        command: 'get_callback',
        requestId: expect.stringMatching(/^Id-/),
      },
    });
  });

  it('a missing configuration is answered with the command that creates it', async () => {
    const missing = await runCli(['live-config', 'callback', 'get'], { env: harness.env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/100301/);
    expect(missing.stderr).toContain('tokenwire live-config callback set --url URL --command COMMAND');
  });

  it('refuses bad input before anything is sent (exit 2)', async () => {
    const before = tencentState().commandCounters['live_config/set_callback']?.requests ?? 0;
    const badUrl = await runCli(['live-config', 'callback', 'set', '--url', 'ftp://nope', '--command', 'Live.CallbackAfterCreateRoom'], {
      env: harness.env,
    });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/url/);
    const noCommand = await runCli(['live-config', 'callback', 'set', '--url', 'https://hooks.example.com'], { env: harness.env });
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toMatch(/--command/);
    expect(tencentState().commandCounters['live_config/set_callback']?.requests ?? 0).toBe(before);
  });
});

describe('live-config token', () => {
  it('set --generate --enable installs a 128-character token, saved 0600, never printed', async () => {
    const file = join(directory, 'generated-token.txt');
    const result = await runCli(['live-config', 'token', 'set', '--generate', '--enable', '--save-token', file, '--json'], {
      env: harness.env,
    });
    expect(result.code).toBe(0);
    const token = registerSecret(tencentState().callbackToken!.token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{128}$/);
    expect(tencentState().callbackToken!.enabled).toBe(true);
    expect(result.json()).toEqual({ ok: true, token: '***', generated: true, enabled: true, savedTo: file });
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const get = await runCli(['live-config', 'token', 'get'], { env: harness.env });
    expect(get.stdout).toMatch(/signing enabled/);
    expect(get.stdout).toMatch(/token\s+\*\*\* \(128 characters\)/);
    const shown = await runCli(['live-config', 'token', 'get', '--json', '--show-secrets'], { env: harness.env, reveals: [token] });
    expect(shown.json()).toEqual({ ok: true, token, enabled: true });
  });

  it('get without a token: the message and the hint name CLI commands, not library calls', async () => {
    const human = await runCli(['live-config', 'token', 'get'], { env: harness.env });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/100302/);
    expect(human.stderr).toContain(
      "create one with 'tokenwire live-config token set --generate --enable' or 'tokenwire live-config token rotate'",
    );
    expect(human.stderr).toContain(
      'no callback token yet: tokenwire live-config token set --generate --enable --save-token callback-token.txt',
    );
    expect(human.stderr).not.toMatch(/setCallbackToken|rotateCallbackToken|\(client/);
    const json = await runCli(['live-config', 'token', 'get', '--json'], { env: harness.env });
    expect(json.json()).toMatchObject({
      ok: false,
      error: { code: 100302, message: expect.stringContaining("'tokenwire live-config token set --generate --enable'") },
    });
    expect(json.stdout).not.toMatch(/setCallbackToken|rotateCallbackToken|\(client/);
  });

  it('set from a file, --disable, rotate and delete', async () => {
    const tokenFile = join(directory, 'my-token.txt');
    const token = registerSecret('my-callback-token-0123456789');
    (await import('node:fs')).writeFileSync(tokenFile, `${token}\n`);
    const set = await runCli(['live-config', 'token', 'set', '--token-file', tokenFile, '--enable'], { env: harness.env });
    expect(set.code).toBe(0);
    expect(tencentState().callbackToken).toMatchObject({ token, enabled: true });

    const disable = await runCli(['live-config', 'token', 'set', '--disable', '--json'], { env: harness.env });
    expect(disable.json()).toMatchObject({ ok: true, enabled: false, generated: false });
    expect(tencentState().callbackToken).toMatchObject({ token, enabled: false });

    const next = join(directory, 'next-token.txt');
    const rotate = await runCli(['live-config', 'token', 'rotate', '--save-token', next, '--overlap', '600', '--json'], {
      env: harness.env,
    });
    expect(rotate.code).toBe(0);
    const rotated = registerSecret(tencentState().callbackToken!.token);
    expect(rotated).not.toBe(token);
    expect(readFileSync(next, 'utf8').trim()).toBe(rotated);
    const body = rotate.json<{ rotatedAt: string; keepPreviousUntil: string }>();
    expect(body).toMatchObject({ ok: true, previous: '***', current: '***', generated: true, enabled: false });
    expect(Date.parse(body.keepPreviousUntil) - Date.parse(body.rotatedAt)).toBe(600_000);

    const remove = await runCli(['live-config', 'token', 'delete'], { env: harness.env });
    expect(remove.code).toBe(0);
    expect(tencentState().callbackToken).toBeUndefined();
    const gone = await runCli(['live-config', 'token', 'get', '--json'], { env: harness.env });
    expect(gone.code).toBe(1);
    expect(gone.json()).toMatchObject({ ok: false, error: { code: 100302 } });
  });

  it('a token given inline works and warns; usage errors exit 2 and change nothing', async () => {
    const inline = registerSecret('inline-token-abcdef0123');
    const result = await runCli(['live-config', 'token', 'set', '--token', inline, '--enable'], { env: harness.env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: --token puts the callback token in your shell history/);
    expect(tencentState().callbackToken?.token).toBe(inline);

    for (const args of [
      ['live-config', 'token', 'set'],
      ['live-config', 'token', 'set', '--generate', '--token', inline],
      ['live-config', 'token', 'set', '--enable', '--disable', '--generate'],
      ['live-config', 'token', 'set', '--length', '12'],
      ['live-config', 'token', 'set', '--generate', '--length', '500'],
    ]) {
      const refused = await runCli(args, { env: harness.env });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect(tencentState().callbackToken?.token).toBe(inline);
  });
});

describe('live-config token --save-token', () => {
  const requests = (command: string) => tencentState().commandCounters[`live_config/${command}`]?.requests ?? 0;

  it('an unwritable file is refused before anything is sent (exit 2)', async () => {
    const file = join(directory, 'no-such-directory', 'token.txt');
    const before = { set: requests('set_callback_token'), get: requests('get_callback_token') };
    for (const args of [
      ['live-config', 'token', 'set', '--generate', '--enable', '--save-token', file],
      ['live-config', 'token', 'rotate', '--save-token', file],
    ]) {
      const refused = await runCli(args, { env: harness.env });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/cannot write .*token\.txt \(ENOENT\)/);
    }
    expect({ set: requests('set_callback_token'), get: requests('get_callback_token') }).toEqual(before);
    expect(tencentState().callbackToken).toBeUndefined();
  });

  it.skipIf(process.platform === 'win32')(
    'a symbolic link to a file is refused before anything is sent (exit 2), and the file is left alone',
    async () => {
      const victim = join(directory, 'victim.txt');
      writeFileSync(victim, 'precious\n');
      chmodSync(victim, 0o644);
      const link = join(directory, 'planted-link.txt');
      symlinkSync(victim, link);
      const before = { set: requests('set_callback_token'), get: requests('get_callback_token') };
      for (const args of [
        ['live-config', 'token', 'set', '--generate', '--enable', '--save-token', link],
        ['live-config', 'token', 'rotate', '--save-token', link],
      ]) {
        const refused = await runCli(args, { env: harness.env });
        expect(refused.code, args.join(' ')).toBe(2);
        expect(refused.stderr).toMatch(/refusing to write .*planted-link\.txt: it is a symbolic link to a file/);
      }
      expect({ set: requests('set_callback_token'), get: requests('get_callback_token') }).toEqual(before);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
      expect(statSync(victim).mode & 0o777).toBe(0o644);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    },
  );

  it('when the call fails, the file it created is removed again', async () => {
    harness.emulator.faults.add({ route: 'live_config/set_callback_token', fault: 'transient' });
    const file = join(directory, 'refused-token.txt');
    const result = await runCli(['live-config', 'token', 'set', '--generate', '--enable', '--retries', '0', '--save-token', file], {
      env: harness.env,
    });
    expect(result.code).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(tencentState().callbackToken).toBeUndefined();
  });

  it('a failure after the token was installed exits 1 and says where the token is', async () => {
    harness.emulator.faults.add({ route: 'live_config/get_callback_token', fault: 'transient' });
    const file = join(directory, 'read-back-token.txt');
    const result = await runCli(['live-config', 'token', 'set', '--generate', '--enable', '--retries', '0', '--save-token', file], {
      env: harness.env,
    });
    expect(result.code).toBe(1);
    const token = registerSecret(tencentState().callbackToken!.token);
    expect(result.stderr).toMatch(/the new callback token is installed, but then this failed: .*; it is saved in .*read-back-token\.txt/);
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a token that cannot be written after it was installed exits 1, shown only with --show-secrets',
    async () => {
      const hidden = await runCli(['live-config', 'token', 'set', '--generate', '--enable', '--save-token', '/dev/full', '--json'], {
        env: harness.env,
      });
      expect(hidden.code).toBe(1);
      const first = registerSecret(tencentState().callbackToken!.token);
      expect(tencentState().callbackToken!.enabled).toBe(true);
      expect(hidden.json()).toMatchObject({ ok: false, error: { name: 'IncompleteChangeError', exitCode: 1 } });
      expect(hidden.stderr).toMatch(
        /the new callback token is installed, but then this failed: cannot write \/dev\/full \(ENOSPC\); see it with 'tokenwire live-config token get --show-secrets'/,
      );

      const shown = await runCli(['live-config', 'token', 'rotate', '--save-token', '/dev/full', '--show-secrets'], { env: harness.env });
      expect(shown.code).toBe(1);
      const second = registerSecret(tencentState().callbackToken!.token);
      expect(second).not.toBe(first);
      shown.allowRevealed(second);
      expect(shown.stderr).toContain(`the new callback token ${second} is installed`);
    },
  );
});

describe('transport failures', () => {
  it('exits 3 when the service is unreachable', async () => {
    const port = await unusedPort();
    const result = await runCli(['live-config', 'callback', 'get', '--retries', '0', '--json'], {
      env: { ...harness.env, TOKENWIRE_BASE_URL: `http://127.0.0.1:${port}` },
    });
    expect(result.code).toBe(3);
    expect(result.json()).toMatchObject({ ok: false, error: { name: 'NetworkError', exitCode: 3 } });
    expect(result.stderr).toMatch(/is the service reachable/);
  });

  it('exits 3 on a timeout (a stalled answer), after the retries', async () => {
    harness.emulator.faults.add({ route: 'live_config/get_callback', fault: 'stall-body' });
    const result = await runCli(['live-config', 'callback', 'get', '--timeout', '200', '--retries', '1', '--json'], { env: harness.env });
    expect(result.code).toBe(3);
    expect(result.json()).toMatchObject({ ok: false, error: { name: 'TimeoutError', exitCode: 3 } });
    expect(harness.emulator.log.entries({ route: 'live_config/get_callback', fault: true })).toHaveLength(2);
  });

  it('exits 1 when the UserSig is refused (wrong secret key), without printing either', async () => {
    const wrong = registerSecret('wrong-secret-key-for-this-app');
    const result = await runCli(['live-config', 'callback', 'get'], { env: { ...harness.env, TOKENWIRE_SECRET_KEY: wrong } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Tencent error 70009/);
    expect(result.stderr).toMatch(/check the SDKAppID, the administrator identifier and the secret key/);
  });
});
