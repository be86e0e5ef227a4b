import { decodeUserSig, genUserSig, verifyUserSig } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { registerSecret } from './support/secret-audit.js';
import { SDK_APP_ID, testSecret } from './support/test-emulator.js';
import { temporaryDirectory } from './support/temporary-directory.js';

const keyDirectory = temporaryDirectory('key');

const secretKey = testSecret();
const env = { TOKENWIRE_SDK_APP_ID: String(SDK_APP_ID), TOKENWIRE_SECRET_KEY: secretKey };

describe('usersig sign', () => {
  it('prints the UserSig alone on stdout, valid for the user and the app', async () => {
    // Identifiers here differ from the verify tests': UserSigs are deterministic within a second, and the audit
    // must not mistake sign's own product for a leak of a UserSig another test registered.
    const result = await runCli(['usersig', 'sign', '--user-id', 'signer-alice', '--expire', '3600'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('\n')).toBe(true);
    const userSig = result.stdout.trimEnd();
    expect(userSig).not.toContain('\n');
    const document = verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, secretKey, identifier: 'signer-alice' });
    expect(document.expire).toBe(3600);
  });

  it('prints the UserSig intact even when it contains a short secret key', async () => {
    // Every UserSig starts with eAEB; not registered with the audit, as it is part of every UserSig printed here.
    const shortKey = 'eAEB';
    const shortEnv = { TOKENWIRE_SDK_APP_ID: String(SDK_APP_ID), TOKENWIRE_SECRET_KEY: shortKey };
    const human = await runCli(['usersig', 'sign', '--user-id', 'short-key-user'], { env: shortEnv });
    expect(human.stdout.startsWith(shortKey)).toBe(true);
    verifyUserSig(human.stdout.trim(), { sdkAppId: SDK_APP_ID, secretKey: shortKey, identifier: 'short-key-user' });
    const json = await runCli(['usersig', 'sign', '--user-id', 'short-key-user', '--json'], { env: shortEnv });
    verifyUserSig(json.json<{ userSig: string }>().userSig, { sdkAppId: SDK_APP_ID, secretKey: shortKey, identifier: 'short-key-user' });
  });

  it('--json gives { ok, userSig, identifier, sdkAppId, expiresAt }', async () => {
    const result = await runCli(['usersig', 'sign', '--user-id', 'bob', '--json'], { env });
    expect(result.code).toBe(0);
    const body = result.json<{ ok: boolean; userSig: string; identifier: string; sdkAppId: number; expiresAt: number }>();
    expect(body).toEqual({ ok: true, userSig: expect.any(String), identifier: 'bob', sdkAppId: SDK_APP_ID, expiresAt: expect.any(Number) });
    // Without --expire: one day, as --help says (not the library's 180 days).
    const document = decodeUserSig(body.userSig);
    expect(document).toMatchObject({ identifier: 'bob', sdkAppId: SDK_APP_ID, expire: 86_400 });
    expect(body.expiresAt).toBe(document.time + 86_400);
  });

  it('signs for the configured identifier when no --user-id is given', async () => {
    const result = await runCli(['usersig', 'sign', '--json'], { env: { ...env, TOKENWIRE_IDENTIFIER: 'ops-admin' } });
    expect(decodeUserSig(result.json<{ userSig: string }>().userSig).identifier).toBe('ops-admin');
  });

  it('reads the secret key from a file and from stdin', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(keyDirectory, 'key.txt');
    writeFileSync(file, `${secretKey}\n`);
    const fromFile = await runCli(['usersig', 'sign', '--sdk-app-id', String(SDK_APP_ID), '--user-id', 'carol', '--secret-key-file', file]);
    expect(fromFile.code).toBe(0);
    verifyUserSig(fromFile.stdout.trim(), { sdkAppId: SDK_APP_ID, secretKey, identifier: 'carol' });
    const fromStdin = await runCli(['usersig', 'sign', '--sdk-app-id', String(SDK_APP_ID), '--user-id', 'carol', '--secret-key-stdin'], {
      input: `${secretKey}\n`,
    });
    expect(fromStdin.code).toBe(0);
    verifyUserSig(fromStdin.stdout.trim(), { sdkAppId: SDK_APP_ID, secretKey, identifier: 'carol' });
  });

  it('accepts the secret key as a flag but warns on stderr, without echoing it', async () => {
    const result = await runCli(['usersig', 'sign', '--sdk-app-id', String(SDK_APP_ID), '--user-id', 'dave', '--secret-key', secretKey]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: --secret-key puts the secret key in your shell history/);
    verifyUserSig(result.stdout.trim(), { sdkAppId: SDK_APP_ID, secretKey, identifier: 'dave' });
  });
});

describe('usersig sign --help', () => {
  it('states the default lifetime: one day', async () => {
    const result = await runCli(['usersig', 'sign', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--expire SECONDS\s+validity in seconds \(default 86400 = 1 day/);
    expect(result.stdout).toMatch(/valid for one day unless --expire/);
  });
});

describe('usersig verify', () => {
  const sign = (identifier: string, options: { expireSeconds?: number; now?: () => number; key?: string } = {}): string =>
    registerSecret(
      genUserSig({
        sdkAppId: SDK_APP_ID,
        secretKey: options.key ?? secretKey,
        identifier,
        expireSeconds: options.expireSeconds ?? 3600,
        ...(options.now ? { now: options.now } : {}),
      }),
    );

  it('accepts a valid UserSig (exit 0) and shows it redacted', async () => {
    const userSig = sign('alice');
    const result = await runCli(['usersig', 'verify', '--user-sig-stdin', '--user-id', 'alice'], { env, input: userSig });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ valid UserSig/);
    expect(result.stdout).toMatch(/signature\s+\*\*\*/);
  });

  const failures: [reason: string, make: () => string, extra: string[]][] = [
    ['identifier_mismatch', () => sign('alice'), ['--user-id', 'mallory']],
    ['expired', () => sign('alice', { expireSeconds: 60, now: () => Date.now() - 3_600_000 }), []],
    ['signature_mismatch', () => sign('alice', { key: testSecret() }), []],
    [
      'sdkappid_mismatch',
      () => registerSecret(genUserSig({ sdkAppId: SDK_APP_ID + 1, secretKey, identifier: 'alice', expireSeconds: 3600 })),
      [],
    ],
    ['malformed', () => registerSecret('eJyrVkrNKVGyUkpKTc7PS8nMU6oFAFTBB6g-not-a-sig'), []],
  ];
  it.each(failures)('exits 1 with the typed reason %s', async (reason, make, extra) => {
    const result = await runCli(['usersig', 'verify', '--user-sig-stdin', '--json', ...extra], { env, input: make() });
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ ok: false, valid: false, reason, error: { name: 'UserSigError', reason, exitCode: 1 } });
    expect(result.stderr).toContain(`invalid UserSig (${reason})`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a UserSig given as a stray argument is refused without echoing it (exit 2)', async () => {
    const userSig = sign('stray');
    const result = await runCli(['usersig', 'verify', userSig], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unexpected argument #1 (${userSig.length} characters)`);
    for (const args of [
      ['usersig', userSig, '--json'],
      ['usersig', '--json', userSig],
    ]) {
      const group = await runCli(args, { env });
      expect(group.code).toBe(2);
      expect(group.json()).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining(`unexpected argument #1 (${userSig.length} characters)`) },
      });
    }
    const typo = await runCli(['usersig', 'verfy'], { env });
    expect(typo.stderr).toContain("unknown command 'usersig verfy'");
  });

  it('sign | verify works as a pipeline', async () => {
    const signed = await runCli(['usersig', 'sign', '--user-id', 'erin'], { env });
    const verified = await runCli(['usersig', 'verify', '--user-sig-stdin', '--user-id', 'erin', '--json'], { env, input: signed.stdout });
    expect(verified.code).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, valid: true, identifier: 'erin', sdkAppId: SDK_APP_ID, signature: '***' });
    // The UserSig is sign's product, but verify must not print it back.
    expect(`${verified.stdout}${verified.stderr}`).not.toContain(signed.stdout.trim());
  });
});

describe('usersig decode', () => {
  it('shows the document with the signature as *** (and in clear only with --show-secrets)', async () => {
    const userSig = registerSecret(genUserSig({ sdkAppId: SDK_APP_ID, secretKey, identifier: 'frank', expireSeconds: 120 }));
    const document = decodeUserSig(userSig);
    registerSecret(document.signature);
    const hidden = await runCli(['usersig', 'decode', '--user-sig-stdin', '--json'], { input: userSig });
    expect(hidden.code).toBe(0);
    expect(hidden.json()).toEqual({
      ok: true,
      verified: false,
      identifier: 'frank',
      sdkAppId: SDK_APP_ID,
      version: '2.0',
      issuedAt: document.time,
      expire: 120,
      expiresAt: document.expiresAt,
      signature: '***',
    });
    const human = await runCli(['usersig', 'decode', '--user-sig-stdin'], { input: userSig });
    expect(human.stdout).toMatch(/identifier\s+frank/);
    expect(human.stdout).toMatch(/expires\s+.*\(in 2m\)|expires\s+.*\(in 1m/);
    const shown = await runCli(['usersig', 'decode', '--user-sig-stdin', '--json', '--show-secrets'], {
      input: userSig,
      reveals: [document.signature],
    });
    expect(shown.json()).toMatchObject({ signature: document.signature });
  });

  it('exits 1 for something that is not a UserSig', async () => {
    const result = await runCli(['usersig', 'decode', '--user-sig-stdin'], { input: 'definitely not a usersig' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/verification failed: Malformed UserSig/);
  });
});
