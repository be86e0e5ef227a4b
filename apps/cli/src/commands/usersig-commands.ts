import { decodeUserSig, genUserSig, REDACTED, verifyUserSig, UserSigError, type UserSigDocument } from '@tokenwire/core';
import type { CommandDefinition, CommandGroup, CommandInvocation } from '../command.js';
import { SECRETS } from '../config/settings.js';
import { readIdentifier, readSdkAppId } from '../config/tencent-settings.js';
import { ExitCode } from '../exit-code.js';
import { humanDuration, isoFromSeconds, keyValueRows } from '../output/format.js';
import type { Style } from '../output/style.js';
import { integerFlag } from '../parse-command-line.js';
import { secretOptions } from '../global-options.js';
import { UsageError } from '../usage-error.js';

const APP_OPTIONS = {
  'sdk-app-id': { type: 'string', valueName: 'ID', description: 'SDKAppID (TOKENWIRE_SDK_APP_ID)' },
  ...secretOptions('secret-key', 'secret key', 'TOKENWIRE_SECRET_KEY'),
} as const;

const USER_SIG_OPTIONS = secretOptions('user-sig', 'UserSig');

/**
 * `usersig sign`'s default lifetime: one day. A UserSig printed on a terminal is for trying something or for one
 * script run; the library's 180-day default suits a server that mints one per user, not a copy in a shell history.
 */
export const CLI_USER_SIG_EXPIRE_SECONDS = 86_400;

/** Reads the UserSig to check from --user-sig, --user-sig-file or --user-sig-stdin. */
async function readUserSig(invocation: CommandInvocation): Promise<string> {
  const value = await invocation.settings.secret(SECRETS.userSig);
  if (value === undefined)
    throw new UsageError('no UserSig: give it with --user-sig-file, --user-sig-stdin or --user-sig', {
      commandPath: invocation.commandPath,
    });
  return value.trim();
}

/** The JSON fields of a UserSig document, its signature shown only with `--show-secrets`. */
function documentJson(document: UserSigDocument, reveal: boolean): Record<string, unknown> {
  return {
    identifier: document.identifier,
    sdkAppId: document.sdkAppId,
    version: document.version,
    issuedAt: document.time,
    expire: document.expire,
    expiresAt: document.expiresAtSeconds,
    ...(document.userBufBase64 === undefined ? {} : { userBuf: document.userBufBase64 }),
    signature: reveal ? document.signature : REDACTED,
  };
}

function documentRows(document: UserSigDocument, nowSeconds: number, reveal: boolean, style: Style): string[] {
  const remaining = document.expiresAtSeconds - nowSeconds;
  return keyValueRows(
    [
      ['identifier', document.identifier],
      ['SDKAppID', String(document.sdkAppId)],
      ['issued', `${isoFromSeconds(document.time)} (${document.time})`],
      [
        'expires',
        `${isoFromSeconds(document.expiresAtSeconds)} (${remaining >= 0 ? `in ${humanDuration(remaining)}` : style.red(`${humanDuration(remaining)} ago`)})`,
      ],
      ['userbuf', document.userBuf === undefined ? '—' : `${document.userBuf.byteLength} bytes`],
      ['signature', reveal ? document.signature : REDACTED],
    ],
    style.dim,
  );
}

const sign: CommandDefinition = {
  kind: 'command',
  name: 'sign',
  summary: 'sign a UserSig and print it alone on stdout',
  description:
    "Signs a TLSSigAPIv2 UserSig (HMAC-SHA256) with the app's secret key, valid for one day unless --expire says\notherwise. The UserSig is the only output, so it can be piped; this is the one command that prints a secret\nwithout --show-secrets, because it was asked for.",
  options: {
    ...APP_OPTIONS,
    'user-id': {
      type: 'string',
      valueName: 'USER',
      description: 'the UserID to sign for (default: the identifier setting, else administrator)',
    },
    identifier: { type: 'string', valueName: 'USER', description: 'same as --user-id (TOKENWIRE_IDENTIFIER)' },
    expire: {
      type: 'string',
      valueName: 'SECONDS',
      description: `validity in seconds (default ${CLI_USER_SIG_EXPIRE_SECONDS} = 1 day; longer with e.g. --expire 604800 for 7 days)`,
    },
  },
  examples: [
    'TOKENWIRE_SECRET_KEY=… tokenwire usersig sign --sdk-app-id 1400000000 --user-id alice',
    'tokenwire usersig sign --sdk-app-id 1400000000 --secret-key-file key.txt --expire 3600 --json',
    'tokenwire usersig sign --user-id alice | tokenwire usersig verify --user-sig-stdin --user-id alice',
  ],
  async run(invocation) {
    const { settings, output } = invocation;
    const sdkAppId = await readSdkAppId(settings);
    const identifier = settings.flag('user-id') ?? (await readIdentifier(settings));
    const expireSeconds = integerFlag(settings.flag('expire'), 'expire', 1, 10 * 365 * 86_400);
    const secretKey = await settings.requireSecret(SECRETS.secretKey);
    const now = invocation.context.now;
    const userSig = genUserSig({ sdkAppId, secretKey, identifier, now, expireSeconds: expireSeconds ?? CLI_USER_SIG_EXPIRE_SECONDS });
    const document = decodeUserSig(userSig);
    output.result({ ok: true, userSig, identifier, sdkAppId, expiresAt: document.expiresAtSeconds }, () => userSig, {
      verbatim: [userSig],
    });
    return ExitCode.success;
  },
};

const verify: CommandDefinition = {
  kind: 'command',
  name: 'verify',
  summary: 'verify a UserSig against the secret key (exit 1 with the reason when it is not valid)',
  description:
    'Checks a UserSig the way Tencent does: format, SDKAppID, identifier (with --user-id), expiry, then the\nHMAC-SHA256 signature in constant time. Reasons: malformed, sdkappid_mismatch, identifier_mismatch, expired,\nsignature_mismatch.',
  options: {
    ...APP_OPTIONS,
    ...USER_SIG_OPTIONS,
    'user-id': { type: 'string', valueName: 'USER', description: 'the UserID the UserSig must be for (optional)' },
  },
  examples: [
    'tokenwire usersig verify --sdk-app-id 1400000000 --user-sig-file sig.txt --user-id alice',
    'tokenwire usersig sign --user-id alice | tokenwire usersig verify --user-sig-stdin --json',
  ],
  async run(invocation) {
    const { settings, output } = invocation;
    const sdkAppId = await readSdkAppId(settings);
    const userSig = await readUserSig(invocation);
    const secretKey = await settings.requireSecret(SECRETS.secretKey);
    const identifier = settings.flag('user-id');
    const now = invocation.context.now;
    try {
      const document = verifyUserSig(userSig, { sdkAppId, secretKey, now, ...(identifier === undefined ? {} : { identifier }) });
      output.result({ ok: true, valid: true, ...documentJson(document, output.showSecrets) }, (style) => [
        `${style.green('✓')} ${style.bold('valid UserSig')}`,
        ...documentRows(document, Math.floor(now() / 1000), output.showSecrets, style),
      ]);
      return ExitCode.success;
    } catch (error) {
      if (!UserSigError.isInstance(error)) throw error;
      if (output.json)
        output.writeJson({
          ok: false,
          valid: false,
          reason: error.reason,
          error: { name: error.name, reason: error.reason, message: error.message, exitCode: ExitCode.failure },
        });
      output.error(`${output.errorStyle.red('✗')} ${output.errorStyle.bold(`invalid UserSig (${error.reason})`)}: ${error.message}`);
      return ExitCode.failure;
    }
  },
};

const decode: CommandDefinition = {
  kind: 'command',
  name: 'decode',
  summary: 'show what a UserSig contains, without verifying it (signature shown as ***)',
  description: 'Decodes a UserSig without a key. Nothing is verified; use `usersig verify` to trust it.',
  options: { ...USER_SIG_OPTIONS },
  examples: [
    'tokenwire usersig decode --user-sig-file sig.txt',
    'tokenwire usersig sign --user-id alice | tokenwire usersig decode --user-sig-stdin --json',
  ],
  async run(invocation) {
    const { output } = invocation;
    const userSig = await readUserSig(invocation);
    const document = decodeUserSig(userSig);
    const now = invocation.context.now;
    output.result({ ok: true, verified: false, ...documentJson(document, output.showSecrets) }, (style) => [
      `${style.bold('UserSig')} ${style.dim('(decoded, not verified)')}`,
      ...documentRows(document, Math.floor(now() / 1000), output.showSecrets, style),
    ]);
    return ExitCode.success;
  },
};

/** `tokenwire usersig sign|verify|decode`. */
export const usersigGroup: CommandGroup = {
  kind: 'group',
  name: 'usersig',
  summary: 'sign, verify and decode UserSigs',
  children: [sign, verify, decode],
  examples: ['tokenwire usersig sign --sdk-app-id 1400000000 --user-id alice --secret-key-file key.txt'],
};
