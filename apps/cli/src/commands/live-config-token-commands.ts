import { REDACTED } from '@tokenwire/core';
import {
  deleteCallbackToken,
  generateCallbackToken,
  getCallbackToken,
  MAX_CALLBACK_TOKEN_LENGTH,
  rotateCallbackToken,
  setCallbackToken,
} from '@tokenwire/live-config';
import type { CommandDefinition, CommandGroup, CommandInvocation } from '../command.js';
import { reserveSecretFile, type ReservedSecretFile } from '../config/save-secret-file.js';
import type { SecretSetting } from '../config/settings.js';
import { createTencentClientFromSettings } from '../config/tencent-settings.js';
import { CheckFailedError } from '../check-failed-error.js';
import { ExitCode } from '../exit-code.js';
import { IncompleteChangeError } from '../incomplete-change-error.js';
import { humanDuration, keyValueRows } from '../output/format.js';
import { secretOptions, TENCENT_OPTIONS } from '../global-options.js';
import { integerFlag } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';
import { inCliTerms } from '../output/cli-advice.js';

/** The token to install: only from these flags (never from TOKENWIRE_CALLBACK_TOKEN, which is the receiver's). */
const NEW_TOKEN: SecretSetting = { label: 'callback token', flag: 'token' };

const NEW_TOKEN_OPTIONS = {
  ...secretOptions('token', 'new callback token'),
  'save-token': { type: 'string', valueName: 'PATH', description: 'write the new token to this file (mode 0600) instead of printing it' },
} as const;

function tokenShown(token: string, reveal: boolean): string {
  return reveal ? token : REDACTED;
}

/** The `--save-token` file, checked (created when missing) before anything is sent, so a new token is never lost. */
async function reserveIfAsked(invocation: CommandInvocation): Promise<ReservedSecretFile | undefined> {
  const path = invocation.settings.flag('save-token');
  return path === undefined ? undefined : reserveSecretFile(path);
}

/** Runs the API call that installs a token; when it fails, the reserved file is given up again. */
async function install<T>(file: ReservedSecretFile | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    await file?.release();
    throw error;
  }
}

/**
 * Runs what follows the installation of a new token (saving it, reading it back). A failure there exits 1 and
 * says that the token is installed and where to get it: shown only with --show-secrets.
 */
async function afterInstall<T>(
  invocation: CommandInvocation,
  token: string | undefined,
  saved: string | undefined,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (token === undefined) throw error;
    const shown = invocation.output.showSecrets ? ` ${token}` : '';
    const find = saved === undefined ? "see it with 'tokenwire live-config token get --show-secrets'" : `it is saved in ${saved}`;
    const reason = inCliTerms(error instanceof Error ? error.message : String(error));
    throw new IncompleteChangeError(`the new callback token${shown} is installed, but then this failed: ${reason}; ${find}`, {
      cause: error,
    });
  }
}

/** Writes the token to the reserved file and returns its path. */
async function save(file: ReservedSecretFile, token: string): Promise<string> {
  try {
    await file.write(token);
  } catch (error) {
    throw new CheckFailedError(`cannot write ${file.path} (${(error as { code?: string }).code ?? 'unwritable'})`, { cause: error });
  }
  return file.path;
}

const set: CommandDefinition = {
  kind: 'command',
  name: 'set',
  summary: 'set the callback token and/or turn signing on or off',
  description:
    'Sets the callback authentication token (live_config/set_callback_token) and reads it back. On the first\nsetup Tencent needs both a token and --enable/--disable. The token is never printed unless --show-secrets;\nuse --save-token to keep a generated one.',
  options: {
    ...TENCENT_OPTIONS,
    ...NEW_TOKEN_OPTIONS,
    generate: { type: 'boolean', description: 'generate a random token (128 URL-safe characters)' },
    length: {
      type: 'string',
      valueName: 'N',
      description: `length of a generated token, 1–${MAX_CALLBACK_TOKEN_LENGTH} (default ${MAX_CALLBACK_TOKEN_LENGTH})`,
    },
    enable: { type: 'boolean', description: 'make Tencent sign every callback' },
    disable: { type: 'boolean', description: 'turn callback signing off' },
  },
  examples: [
    'tokenwire live-config token set --generate --enable --save-token callback-token.txt',
    'tokenwire live-config token set --token-file callback-token.txt --enable',
    'tokenwire live-config token set --disable --json',
  ],
  async run(invocation) {
    const { settings, output, values } = invocation;
    const generate = values['generate'] === true;
    if (values['enable'] === true && values['disable'] === true) throw new UsageError('give --enable or --disable, not both');
    const enabled = values['enable'] === true ? true : values['disable'] === true ? false : undefined;
    const length = integerFlag(settings.flag('length'), 'length', 1, MAX_CALLBACK_TOKEN_LENGTH);
    if (length !== undefined && !generate) throw new UsageError('--length needs --generate');
    const client = await createTencentClientFromSettings(invocation);
    let token = await settings.secret(NEW_TOKEN);
    if (token !== undefined && generate) throw new UsageError('give a token or --generate, not both');
    if (generate) token = invocation.secrets.add(generateCallbackToken(length));
    if (token === undefined && enabled === undefined) {
      throw new UsageError('nothing to set: give --token-file/--token-stdin/--token or --generate, and/or --enable or --disable');
    }
    if (settings.flag('save-token') !== undefined && token === undefined)
      throw new UsageError('--save-token needs a token to save (--generate or --token…)');
    const file = await reserveIfAsked(invocation);
    await install(file, () =>
      setCallbackToken(
        client,
        { ...(token === undefined ? {} : { token }), ...(enabled === undefined ? {} : { enabled }) },
        { signal: invocation.context.signal },
      ),
    );
    const savedTo =
      file === undefined || token === undefined ? undefined : await afterInstall(invocation, token, undefined, () => save(file, token));
    const current = await afterInstall(invocation, token, savedTo, async () => {
      const readBack = await getCallbackToken(client, { signal: invocation.context.signal });
      invocation.secrets.add(readBack.token);
      if (token !== undefined && readBack.token !== token) throw new CheckFailedError('the token read back is not the one that was set');
      return readBack;
    });
    output.result(
      {
        ok: true,
        token: tokenShown(current.token, output.showSecrets),
        generated: generate,
        enabled: current.enabled,
        ...(savedTo === undefined ? {} : { savedTo }),
      },
      (style) => [
        `${style.green('✓')} ${style.bold('callback token set')} · signing ${current.enabled ? style.green('enabled') : style.yellow('disabled')}`,
        ...keyValueRows(
          [
            [
              'token',
              `${tokenShown(current.token, output.showSecrets)}${generate ? ` (generated, ${current.token.length} characters)` : ''}`,
            ],
            ...(savedTo === undefined ? [] : [['saved to', savedTo] as const]),
          ],
          style.dim,
        ),
      ],
    );
    return ExitCode.success;
  },
};

const get: CommandDefinition = {
  kind: 'command',
  name: 'get',
  summary: 'show the callback token configuration (token as ***)',
  options: { ...TENCENT_OPTIONS },
  examples: ['tokenwire live-config token get', 'tokenwire live-config token get --json --show-secrets'],
  async run(invocation) {
    const { output } = invocation;
    const client = await createTencentClientFromSettings(invocation);
    const current = await getCallbackToken(client, { signal: invocation.context.signal });
    invocation.secrets.add(current.token);
    output.result({ ok: true, token: tokenShown(current.token, output.showSecrets), enabled: current.enabled }, (style) => [
      `${style.bold('callback token')} · signing ${current.enabled ? style.green('enabled') : style.yellow('disabled')}`,
      ...keyValueRows([['token', `${tokenShown(current.token, output.showSecrets)} (${current.token.length} characters)`]], style.dim),
    ]);
    return ExitCode.success;
  },
};

const remove: CommandDefinition = {
  kind: 'command',
  name: 'delete',
  summary: 'delete the callback token configuration (callbacks are then unsigned)',
  options: { ...TENCENT_OPTIONS },
  examples: ['tokenwire live-config token delete'],
  async run(invocation) {
    const client = await createTencentClientFromSettings(invocation);
    await deleteCallbackToken(client, { signal: invocation.context.signal });
    invocation.output.result(
      { ok: true, deleted: true },
      (style) => `${style.green('✓')} ${style.bold('callback token deleted')} · callbacks are no longer signed`,
    );
    return ExitCode.success;
  },
};

const rotate: CommandDefinition = {
  kind: 'command',
  name: 'rotate',
  summary: 'replace the callback token (generated unless given) and say how long to accept the previous one',
  description:
    'Reads the current token, installs a new one (live_config/set_callback_token) and reports until when\nreceivers should keep accepting the previous token too. Deploy receivers with both tokens first.',
  options: {
    ...TENCENT_OPTIONS,
    ...NEW_TOKEN_OPTIONS,
    overlap: { type: 'string', valueName: 'SECONDS', description: 'how long receivers keep the previous token (default 300)' },
  },
  examples: [
    'tokenwire live-config token rotate --token-file next-token.txt',
    'tokenwire live-config token rotate --save-token next-token.txt --overlap 600 --json',
  ],
  async run(invocation) {
    const { settings, output } = invocation;
    const overlapSeconds = integerFlag(settings.flag('overlap'), 'overlap', 0, 30 * 86_400);
    const client = await createTencentClientFromSettings(invocation);
    const token = await settings.secret(NEW_TOKEN);
    const now = invocation.context.now;
    const file = await reserveIfAsked(invocation);
    const rotation = await install(file, () =>
      rotateCallbackToken(
        client,
        { now, ...(token === undefined ? {} : { token }), ...(overlapSeconds === undefined ? {} : { overlapSeconds }) },
        { signal: invocation.context.signal },
      ),
    );
    invocation.secrets.add(rotation.current);
    invocation.secrets.add(rotation.previous);
    const savedTo =
      file === undefined ? undefined : await afterInstall(invocation, rotation.current, undefined, () => save(file, rotation.current));
    const reveal = output.showSecrets;
    output.result(
      {
        ok: true,
        previous: rotation.previous === undefined ? null : tokenShown(rotation.previous, reveal),
        current: tokenShown(rotation.current, reveal),
        generated: token === undefined,
        enabled: rotation.enabled,
        rotatedAt: new Date(rotation.rotatedAtMs).toISOString(),
        keepPreviousUntil: new Date(rotation.keepPreviousUntilMs).toISOString(),
        ...(savedTo === undefined ? {} : { savedTo }),
      },
      (style) => [
        `${style.green('✓')} ${style.bold('callback token rotated')}${rotation.firstSetup ? ' (first setup: signing enabled)' : ''}`,
        ...keyValueRows(
          [
            ['previous', rotation.previous === undefined ? '—' : tokenShown(rotation.previous, reveal)],
            ['current', `${tokenShown(rotation.current, reveal)}${token === undefined ? ' (generated)' : ''}`],
            ...(savedTo === undefined ? [] : [['saved to', savedTo] as const]),
            [
              'accept both until',
              `${new Date(rotation.keepPreviousUntilMs).toISOString()} (${humanDuration((rotation.keepPreviousUntilMs - rotation.rotatedAtMs) / 1000)})`,
            ],
          ],
          style.dim,
        ),
      ],
    );
    return ExitCode.success;
  },
};

/** `tokenwire live-config token set|get|delete|rotate`. */
export const liveConfigTokenGroup: CommandGroup = {
  kind: 'group',
  name: 'token',
  summary: 'the callback authentication token: set, get, delete, rotate',
  children: [set, get, remove, rotate],
  examples: ['tokenwire live-config token set --generate --enable --save-token callback-token.txt', 'tokenwire live-config token rotate'],
};
