import { redactUrl } from '@tokenwire/core';
import { serveEmulator } from '@tokenwire/emulator/serve';
import type { CommandDefinition } from '../command.js';
import { saveSecretFile } from '../config/save-secret-file.js';
import { showSecret } from '../config/secret-registry.js';
import { SECRETS, SETTINGS } from '../config/settings.js';
import { parseSdkAppId } from '../config/tencent-settings.js';
import { UsageError } from '../usage-error.js';
import { createCliEmulator, EMULATOR_DEFAULTS, randomSecret } from '../emulator-setup.js';
import { ExitCode } from '../exit-code.js';
import { formatMilliseconds, keyValueRows } from '../output/format.js';
import { secretOptions } from '../global-options.js';
import { integerFlag } from '../parse-command-line.js';

/** The settings that hold a secret: printed only with --show-secrets, always written to the --save-env file. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['TOKENWIRE_SECRET_KEY', 'TOKENWIRE_AICC_APP_SECRET']);

/**
 * A value as one POSIX shell word: as it is when it holds only characters no shell treats specially, else in
 * single quotes (a quote inside written '\''). dotenv and Node's --env-file read the quoted form too.
 */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:@%+,=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Resolves when the signal aborts. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Why a listening socket could not be opened, by Node/Bun error code or Deno error name. */
const LISTEN_FAILURES: Readonly<Record<string, string>> = {
  EADDRINUSE: 'is in use',
  AddrInUse: 'is in use',
  EACCES: 'needs more privileges',
  PermissionDenied: 'needs more privileges',
  EADDRNOTAVAIL: 'is not on an interface of this machine',
  AddrNotAvailable: 'is not on an interface of this machine',
};

/** A port that cannot be listened on is a usage error (choose another), not an unexpected one. */
function listenError(error: unknown, hostname: string, port: number): unknown {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  const failure = LISTEN_FAILURES[String(code)] ?? LISTEN_FAILURES[String(name)];
  if (failure === undefined) return error;
  return new UsageError(
    `cannot listen on ${hostname}:${port}: the address ${failure}; choose another --port (0 picks a free one) or --host`,
    { cause: error },
  );
}

/** `tokenwire emulator`: serves the emulator over HTTP until Ctrl-C. */
export const emulatorCommand: CommandDefinition = {
  kind: 'command',
  name: 'emulator',
  summary: 'serve the Tencent + AICC emulator on 127.0.0.1 and print the settings to use against it',
  description:
    'Serves @tokenwire/emulator over HTTP until Ctrl-C: the Tencent live_config REST API (one app, one\nadministrator) and the AICC CC-Messaging API (one web channel, a scripted robot, an agent after /agent).\nThe secret key and app secret come from your settings, or are generated. To hand them to another shell,\n--save-env PATH writes every setting to a file (mode 0600) and prints the line that sources it; --show-secrets\nprints them as exports instead (with a warning). Without either, the secrets are left out of the exports. Requests are logged (redacted) as they come.',
  options: {
    port: { type: 'string', valueName: 'PORT', description: 'TCP port (default 0: a free one)' },
    host: { type: 'string', valueName: 'HOST', description: 'interface to listen on (default 127.0.0.1)' },
    'sdk-app-id': { type: 'string', valueName: 'ID', description: `SDKAppID of the emulated app (default ${EMULATOR_DEFAULTS.sdkAppId})` },
    identifier: { type: 'string', valueName: 'USER', description: `its administrator account (default ${EMULATOR_DEFAULTS.identifier})` },
    ...secretOptions('secret-key', 'secret key of the emulated app (default: generated)', 'TOKENWIRE_SECRET_KEY'),
    'app-key': { type: 'string', valueName: 'KEY', description: `AICC app key (default ${EMULATOR_DEFAULTS.aiccAppKey})` },
    ...secretOptions('app-secret', 'AICC app secret (default: generated)', 'TOKENWIRE_AICC_APP_SECRET'),
    'channel-id': { type: 'string', valueName: 'ID', description: `AICC web channel (default ${EMULATOR_DEFAULTS.aiccChannelId})` },
    'poll-hold': { type: 'string', valueName: 'MS', description: 'how long an AICC poll is held without messages (default 5000)' },
    'robot-delay': { type: 'string', valueName: 'MS', description: 'how long the robot takes to answer (default 300)' },
    'save-env': {
      type: 'string',
      valueName: 'PATH',
      description: 'write the TOKENWIRE_* settings, secrets included, to this file (mode 0600)',
    },
  },
  examples: [
    'tokenwire emulator --port 8787 --save-env .tokenwire.env   # then in another shell: set -a; . ./.tokenwire.env; set +a',
    'tokenwire emulator --json',
  ],
  async run(invocation) {
    const { settings, output, secrets, context } = invocation;
    const port = integerFlag(settings.flag('port'), 'port', 0, 65_535) ?? 0;
    const hostname = settings.flag('host') ?? '127.0.0.1';
    const sdkAppIdText = await settings.get(SETTINGS.sdkAppId);
    const sdkAppId = sdkAppIdText === undefined ? EMULATOR_DEFAULTS.sdkAppId : parseSdkAppId(sdkAppIdText);
    const identifier = (await settings.get(SETTINGS.identifier)) ?? EMULATOR_DEFAULTS.identifier;
    const secretKey = (await settings.secret(SECRETS.secretKey)) ?? randomSecret(secrets);
    const aiccAppKey = (await settings.get(SETTINGS.aiccAppKey)) ?? EMULATOR_DEFAULTS.aiccAppKey;
    const aiccAppSecret = (await settings.secret(SECRETS.aiccAppSecret)) ?? randomSecret(secrets);
    const aiccChannelId = settings.flag('channel-id') ?? EMULATOR_DEFAULTS.aiccChannelId;
    const pollHoldMs = integerFlag(settings.flag('poll-hold'), 'poll-hold', 0, 60_000) ?? 5_000;
    const robotReplyDelayMs = integerFlag(settings.flag('robot-delay'), 'robot-delay', 0, 60_000) ?? 300;

    const emulator = createCliEmulator({
      sdkAppId,
      identifier,
      secretKey,
      aiccAppKey,
      aiccAppSecret,
      aiccChannelId,
      pollHoldMs,
      robotReplyDelayMs,
    });
    const logged = {
      fetch: async (request: Request): Promise<Response> => {
        const started = performance.now();
        const { pathname } = new URL(request.url);
        const method = request.method;
        try {
          const response = await emulator.fetch(request);
          for (const token of emulator.aicc.state.accessTokens.keys()) secrets.add(token);
          for (const token of emulator.aicc.state.messageTokens.keys()) secrets.add(token);
          output.line(
            `  ${output.style.dim(new Date().toISOString().slice(11, 23))} ${method.padEnd(7)} ${redactUrl(pathname)} ${response.status < 400 ? output.style.green(String(response.status)) : output.style.red(String(response.status))} ${output.style.dim(formatMilliseconds(performance.now() - started))}`,
          );
          return response;
        } catch (error) {
          output.line(
            `  ${output.style.dim(new Date().toISOString().slice(11, 23))} ${method.padEnd(7)} ${redactUrl(pathname)} ${output.style.red('dropped')}`,
          );
          throw error;
        }
      },
    };
    const server = await serveEmulator(logged, { port, hostname }).catch((error: unknown) => {
      throw listenError(error, hostname, port);
    });
    try {
      const environment: [string, string][] = [
        ['TOKENWIRE_BASE_URL', server.url],
        ['TOKENWIRE_SDK_APP_ID', String(sdkAppId)],
        ['TOKENWIRE_IDENTIFIER', identifier],
        ['TOKENWIRE_SECRET_KEY', secretKey],
        ['TOKENWIRE_AICC_BASE_URL', server.url],
        ['TOKENWIRE_AICC_APP_KEY', aiccAppKey],
        ['TOKENWIRE_AICC_APP_SECRET', aiccAppSecret],
      ];
      const envFile = settings.flag('save-env');
      const savedTo =
        envFile === undefined
          ? undefined
          : await saveSecretFile(envFile, `${environment.map(([name, value]) => `${name}=${shellWord(value)}`).join('\n')}\n`);
      const reveal = output.showSecrets;
      const isSecret = (name: string): boolean => SECRET_VARIABLES.has(name);
      const hidden = environment.filter(([name]) => isSecret(name)).map(([name]) => name);
      const sourceLine = savedTo === undefined ? undefined : `set -a; . ${shellWord(savedTo)}; set +a`;
      // Lines a person can paste: never a masked value. The secrets reach another shell through the saved file
      // (a source line), or, when asked for with --show-secrets, as their real values (with a warning).
      const pasteable = [
        ...(sourceLine === undefined ? [] : [sourceLine]),
        ...(reveal || savedTo === undefined
          ? environment.filter(([name]) => reveal || !isSecret(name)).map(([name, value]) => `export ${name}=${shellWord(value)}`)
          : []),
      ];
      if (reveal && !output.json)
        output.warn(
          `${hidden.join(' and ')} are printed in clear (--show-secrets): your scrollback and any log of this terminal keep them`,
        );
      output.result(
        {
          ok: true,
          url: server.url,
          port: server.port,
          env: Object.fromEntries(environment.map(([name, value]) => [name, isSecret(name) ? showSecret(value, reveal)! : value])),
          aiccChannelId,
          ...(savedTo === undefined ? {} : { envFile: savedTo, source: sourceLine }),
        },
        (style) => [
          `${style.green('●')} ${style.bold('tokenwire emulator')} listening on ${style.cyan(server.url)} ${style.dim('(Tencent live_config · AICC CC-Messaging)')}`,
          '',
          style.bold('Settings for another shell (paste):'),
          ...pasteable.map((line) => `  ${line}`),
          ...(savedTo === undefined || reveal
            ? []
            : [style.dim(`  # ${savedTo} (mode 0600) holds ${environment.map(([name]) => name).join(', ')}`)]),
          ...(savedTo === undefined && !reveal
            ? [
                style.dim(
                  `  # ${hidden.join(' and ')} not shown: --save-env PATH writes them to a file to source, --show-secrets prints them`,
                ),
              ]
            : []),
          ...keyValueRows([['AICC channel', aiccChannelId]], style.dim),
          '',
          style.dim('Press Ctrl-C to stop. Requests:'),
        ],
      );
      await aborted(context.signal);
    } finally {
      await server.close();
      emulator.close();
    }
    output.line(output.style.dim('  stopped'));
    return ExitCode.success;
  },
};
