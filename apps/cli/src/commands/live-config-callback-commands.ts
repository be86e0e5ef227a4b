import { redactUrl } from '@tokenwire/core';
import { deleteCallback, getCallback, setCallback, updateCallback, upsertCallback } from '@tokenwire/live-config';
import type { CommandDefinition, CommandGroup, CommandInvocation } from '../command.js';
import { createTencentClientFromSettings } from '../config/tencent-settings.js';
import { ExitCode } from '../exit-code.js';
import { keyValueRows } from '../output/format.js';
import { TENCENT_OPTIONS } from '../global-options.js';
import { UsageError } from '../usage-error.js';

const CONFIGURATION_OPTIONS = {
  url: { type: 'string', valueName: 'URL', description: 'the http(s) URL Tencent posts callbacks to' },
  command: {
    type: 'string',
    multiple: true,
    valueName: 'COMMAND',
    description: 'a callback command, e.g. Live.CallbackAfterCreateRoom (or a comma-separated list)',
  },
} as const;

/** Reads `--url` and `--command` (repeatable, comma-separated lists allowed). */
function readConfiguration(invocation: CommandInvocation): { url: string; commands: string[] } {
  const url = invocation.settings.flag('url');
  if (url === undefined) throw new UsageError('--url is required');
  const given = invocation.values['command'];
  const commands = (Array.isArray(given) ? given : [])
    .flatMap((entry: string) => entry.split(','))
    .map((entry: string) => entry.trim())
    .filter((entry: string) => entry !== '');
  if (commands.length === 0) throw new UsageError('give at least one --command, e.g. --command Live.CallbackAfterCreateRoom');
  return { url, commands };
}

function configurationLines(
  title: string,
  url: string,
  commands: readonly string[],
  style: { green(text: string): string; bold(text: string): string; dim(text: string): string },
): string[] {
  return [
    `${style.green('✓')} ${style.bold(title)}`,
    ...keyValueRows(
      [
        ['url', redactUrl(url)],
        ['commands', commands.join(', ')],
      ],
      style.dim,
    ),
  ];
}

const set: CommandDefinition = {
  kind: 'command',
  name: 'set',
  summary: 'create the callback configuration (URL and commands)',
  description: 'live_config/set_callback. Fails with 100300 when one exists: use `callback update`, or --upsert.',
  options: {
    ...TENCENT_OPTIONS,
    ...CONFIGURATION_OPTIONS,
    upsert: { type: 'boolean', description: 'update the configuration when one exists already' },
  },
  examples: [
    'tokenwire live-config callback set --url https://example.com/tencent --command Live.CallbackAfterCreateRoom --command Live.CallbackAfterDestroyRoom',
    'tokenwire live-config callback set --upsert --url https://example.com/tencent --command Live.CallbackAfterCreateRoom,Live.CallbackBeforeSendGift --json',
  ],
  async run(invocation) {
    const configuration = readConfiguration(invocation);
    const client = await createTencentClientFromSettings(invocation);
    const options = { signal: invocation.context.signal };
    const create = async (): Promise<'created'> => {
      await setCallback(client, configuration, options);
      return 'created';
    };
    const outcome = invocation.values['upsert'] === true ? await upsertCallback(client, configuration, options) : await create();
    invocation.output.result({ ok: true, outcome, url: redactUrl(configuration.url), commands: configuration.commands }, (style) =>
      configurationLines(`callback configuration ${outcome}`, configuration.url, configuration.commands, style),
    );
    return ExitCode.success;
  },
};

const update: CommandDefinition = {
  kind: 'command',
  name: 'update',
  summary: 'replace the URL and command list of the existing callback configuration',
  description: 'live_config/update_callback. Fails with 100301 when none exists: use `callback set`.',
  options: { ...TENCENT_OPTIONS, ...CONFIGURATION_OPTIONS },
  examples: ['tokenwire live-config callback update --url https://example.com/v2/tencent --command Live.CallbackAfterCreateRoom'],
  async run(invocation) {
    const configuration = readConfiguration(invocation);
    const client = await createTencentClientFromSettings(invocation);
    await updateCallback(client, configuration, { signal: invocation.context.signal });
    invocation.output.result(
      { ok: true, outcome: 'updated', url: redactUrl(configuration.url), commands: configuration.commands },
      (style) => configurationLines('callback configuration updated', configuration.url, configuration.commands, style),
    );
    return ExitCode.success;
  },
};

const get: CommandDefinition = {
  kind: 'command',
  name: 'get',
  summary: 'show the callback configuration',
  options: { ...TENCENT_OPTIONS },
  examples: ['tokenwire live-config callback get', 'tokenwire live-config callback get --json'],
  async run(invocation) {
    const client = await createTencentClientFromSettings(invocation);
    const { url, commands } = await getCallback(client, { signal: invocation.context.signal });
    invocation.output.result({ ok: true, url: redactUrl(url), commands }, (style) => [
      style.bold('callback configuration'),
      ...keyValueRows(
        [
          ['url', redactUrl(url)],
          ['commands', commands.join(', ')],
        ],
        style.dim,
      ),
    ]);
    return ExitCode.success;
  },
};

const remove: CommandDefinition = {
  kind: 'command',
  name: 'delete',
  summary: 'delete the callback configuration (Tencent stops sending callbacks)',
  options: { ...TENCENT_OPTIONS },
  examples: ['tokenwire live-config callback delete'],
  async run(invocation) {
    const client = await createTencentClientFromSettings(invocation);
    await deleteCallback(client, { signal: invocation.context.signal });
    invocation.output.result({ ok: true, deleted: true }, (style) => `${style.green('✓')} ${style.bold('callback configuration deleted')}`);
    return ExitCode.success;
  },
};

/** `tokenwire live-config callback set|update|get|delete`. */
export const liveConfigCallbackGroup: CommandGroup = {
  kind: 'group',
  name: 'callback',
  summary: 'the callback configuration: set, update, get, delete',
  children: [set, update, get, remove],
  examples: ['tokenwire live-config callback set --url https://example.com/tencent --command Live.CallbackAfterCreateRoom'],
};
