import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUserSig } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runCli } from './support/run-cli.js';
import { registerSecret } from './support/secret-audit.js';
import { temporaryDirectory } from './support/temporary-directory.js';

const GROUPS = ['', 'usersig', 'live-config', 'live-config token', 'live-config callback', 'callback', 'aicc'];
const COMMANDS = [
  'demo',
  'usersig sign',
  'usersig verify',
  'usersig decode',
  'live-config token set',
  'live-config token get',
  'live-config token delete',
  'live-config token rotate',
  'live-config callback set',
  'live-config callback update',
  'live-config callback get',
  'live-config callback delete',
  'callback sign',
  'callback verify',
  'aicc token',
  'aicc chat',
  'emulator',
];

const words = (path: string) => (path === '' ? [] : path.split(' '));
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('help and version', () => {
  it.each(COMMANDS)('tokenwire %s --help shows usage, options and examples (exit 0)', async (path) => {
    const result = await runCli([...words(path), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: tokenwire ${path} `);
    expect(result.stdout).toContain('Global options:');
    expect(result.stdout).toContain('--json');
    expect(result.stdout).toMatch(/Examples:\n {2}\$ .*tokenwire /);
    expect(result.stdout).toContain('Exit codes: 0 ok · 1 API or verification failure · 2 usage error · 3 network or timeout');
  });

  it.each(GROUPS)('tokenwire %s --help lists the commands (exit 0)', async (path) => {
    const result = await runCli([...words(path), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Commands:');
  });

  it('--help --json gives the help text in one object', async () => {
    const result = await runCli(['usersig', 'sign', '--help', '--json']);
    expect(result.json<{ ok: boolean; help: string }>()).toMatchObject({
      ok: true,
      help: expect.stringContaining('Usage: tokenwire usersig sign'),
    });
  });

  it('--version, anywhere, with --json too', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`tokenwire ${packageJson.version} (node ${process.versions.node})\n`);
    const json = await runCli(['usersig', 'sign', '--version', '--json']);
    expect(json.json()).toEqual({ ok: true, version: packageJson.version, runtime: `node ${process.versions.node}` });
  });
});

describe('global options anywhere, as git, gh and wrangler accept them', () => {
  // A profile named like a command: its value must not be read as one.
  const home = temporaryDirectory('global-options');
  mkdirSync(join(home, 'tokenwire'), { recursive: true });
  writeFileSync(join(home, 'tokenwire', 'config.json'), JSON.stringify({ profiles: { usersig: { sdkAppId: 1400000009 } } }));
  const env = {
    XDG_CONFIG_HOME: home,
    TOKENWIRE_SDK_APP_ID: '1400000000',
    TOKENWIRE_SECRET_KEY: registerSecret('global-options-secret-key'),
  };

  it.each([
    [['--json', 'usersig', 'sign', '--user-id', 'global-first'], 1400000000],
    [['usersig', '--json', 'sign', '--user-id', 'global-first'], 1400000000],
    [['usersig', 'sign', '--user-id', 'global-first', '--json'], 1400000000],
    [['--profile', 'usersig', '--json', 'usersig', 'sign', '--user-id', 'global-first'], 1400000009],
    [['--profile=usersig', 'usersig', '--json', 'sign', '--user-id', 'global-first'], 1400000009],
  ] as const)('%j', async (args, sdkAppId) => {
    const withoutEnvAppId = sdkAppId === 1400000009 ? { TOKENWIRE_SDK_APP_ID: undefined } : {};
    const result = await runCli(args, { env: { ...env, ...withoutEnvAppId } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const body = result.json<{ ok: boolean; userSig: string }>();
    expect(decodeUserSig(body.userSig)).toMatchObject({ identifier: 'global-first', sdkAppId });
  });

  it('--help and --version before the command', async () => {
    const help = await runCli(['--help', 'usersig', 'sign']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: tokenwire usersig sign ');
    const version = await runCli(['--json', '--version', 'usersig']);
    expect(version.json()).toEqual({ ok: true, version: packageJson.version, runtime: `node ${process.versions.node}` });
  });

  it('a command flag before the command is still a usage error, and says which flag', async () => {
    const result = await runCli(['--user-id', 'alice', 'usersig', 'sign'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--user-id'/);
  });
});

describe('usage errors exit 2 with a message and no stack trace', () => {
  it.each([
    [[], /missing command: choose one of demo, usersig/],
    [['usersig'], /missing command after 'usersig'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['live-config', 'tokens'], /unknown command 'live-config tokens'/],
    [['usersig', 'sign', '--no-such-flag'], /Unknown option '--no-such-flag'/],
    [['usersig', 'sign', '--sdk-app-id'], /--sdk-app-id/],
    [['usersig', 'sign', 'extra'], /unexpected argument #1 \(5 characters\)/],
    [['usersig', 'sign', '--user-id', 'a'], /no SDKAppID: give it with --sdk-app-id, TOKENWIRE_SDK_APP_ID/],
    [['usersig', 'sign', '--sdk-app-id', '12x'], /SDKAppID must be an integer/],
    [
      ['usersig', 'sign', '--sdk-app-id', '1400000000'],
      /no secret key: give it with TOKENWIRE_SECRET_KEY, --secret-key-file, --secret-key-stdin/,
    ],
    [
      ['usersig', 'sign', '--sdk-app-id', '1400000000', '--secret-key-file', '/no/such/file'],
      /cannot read the secret key from \/no\/such\/file \(ENOENT\)/,
    ],
    [['live-config', 'callback', 'get', '--sdk-app-id', '1400000000', '--secret-key-file', '/dev/null'], /no endpoint: give --region/],
    [['live-config', 'callback', 'get', '--sdk-app-id', '1', '--region', 'mars'], /unknown region "mars"/],
    [
      ['live-config', 'callback', 'get', '--sdk-app-id', '1', '--region', 'singapore', '--base-url', 'http://x'],
      /either a region or a base URL, not both/,
    ],
  ] as const)('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    noStack(result.stderr);
  });

  it('with --json the error is the one object on stdout', async () => {
    const result = await runCli(['usersig', 'sign', '--json']);
    expect(result.code).toBe(2);
    expect(result.json()).toEqual({
      ok: false,
      error: { name: 'UsageError', message: expect.stringMatching(/^no SDKAppID/), exitCode: 2 },
    });
  });

  it('refuses two secrets from standard input, and one secret given twice', async () => {
    const twice = await runCli(
      ['callback', 'verify', '--url', 'https://x.test/?SdkAppid=1', '--sdk-app-id', '1', '--token-stdin', '--token', 'abcdef'],
      { input: 'x' },
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/give the callback token only once/);
    const stdin = await runCli(['usersig', 'verify', '--sdk-app-id', '1', '--user-sig-stdin', '--secret-key-stdin'], { input: 'x\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/standard input can feed only one value/);
  });
});

describe('configuration: flags > environment > profile', () => {
  const home = temporaryDirectory('config');
  const broken = temporaryDirectory('config-broken');
  const configDirectory = join(home, 'tokenwire');
  mkdirSync(configDirectory, { recursive: true });
  const fileKey = registerSecret('secret-key-from-the-profile-file');
  const otherKey = registerSecret('secret-key-of-the-other-profile');
  writeFileSync(join(configDirectory, 'key.txt'), `${fileKey}\n`);
  writeFileSync(
    join(configDirectory, 'config.json'),
    JSON.stringify({
      defaultProfile: 'main',
      profiles: {
        main: { sdkAppId: 1400000001, identifier: 'profile-admin', secretKeyFile: 'key.txt' },
        other: { sdkAppId: '1400000002', secretKey: otherKey },
      },
    }),
  );
  const env = { XDG_CONFIG_HOME: home };
  const signed = async (args: string[], extraEnv: Record<string, string> = {}) => {
    const result = await runCli(['usersig', 'sign', '--json', ...args], { env: { ...env, ...extraEnv } });
    expect(result.code, result.stderr).toBe(0);
    return decodeUserSig(result.json<{ userSig: string }>().userSig);
  };

  it('reads the default profile, with its secret key file relative to the config file', async () => {
    expect(await signed([])).toMatchObject({ sdkAppId: 1400000001, identifier: 'profile-admin' });
  });

  it('the environment overrides the profile, and flags override the environment', async () => {
    expect(await signed([], { TOKENWIRE_SDK_APP_ID: '1400000005', TOKENWIRE_IDENTIFIER: 'env-admin' })).toMatchObject({
      sdkAppId: 1400000005,
      identifier: 'env-admin',
    });
    expect(await signed(['--sdk-app-id', '1400000006', '--user-id', 'flag-user'], { TOKENWIRE_SDK_APP_ID: '1400000005' })).toMatchObject({
      sdkAppId: 1400000006,
      identifier: 'flag-user',
    });
  });

  it.skipIf(process.platform === 'win32')(
    'warns when the file holding inline secrets is readable by others, until it is chmod 600',
    async () => {
      const path = join(configDirectory, 'config.json');
      chmodSync(path, 0o644);
      const readable = await runCli(['usersig', 'sign', '--json'], { env });
      expect(readable.code).toBe(0);
      expect(readable.stderr).toContain(
        `warning: ${path} holds secrets inline (profile "other": secretKey) and is readable by other users (mode 644): run chmod 600 on it`,
      );
      chmodSync(path, 0o600);
      const ownerOnly = await runCli(['usersig', 'sign', '--json'], { env });
      expect(ownerOnly.stderr).toBe('');
    },
  );

  it('--profile and TOKENWIRE_PROFILE pick another profile', async () => {
    expect(await signed(['--profile', 'other'])).toMatchObject({ sdkAppId: 1400000002, identifier: 'administrator' });
    expect(await signed([], { TOKENWIRE_PROFILE: 'other' })).toMatchObject({ sdkAppId: 1400000002 });
  });

  it('an unknown profile or a malformed file is a usage error', async () => {
    const unknown = await runCli(['usersig', 'sign', '--profile', 'nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/has no profile "nope" \(profiles: main, other\)/);
    mkdirSync(join(broken, 'tokenwire'));
    writeFileSync(join(broken, 'tokenwire', 'config.json'), '{"profiles": {"main": {"sdkAppID": 1}}, "defaultProfile": "main"}');
    const typo = await runCli(['usersig', 'sign'], { env: { XDG_CONFIG_HOME: broken } });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown setting "sdkAppID"/);
  });
});
