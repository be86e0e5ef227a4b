import { CallbackSignatureError, parseRequestTime, redactUrl, signCallback, verifyCallback } from '@tokenwire/core';
import { verifyLiveCallback } from '@tokenwire/live-config';
import type { CommandDefinition, CommandGroup, CommandInvocation } from '../command.js';
import { expandPath, readTextFile } from '../config/read-text-input.js';
import { SECRETS } from '../config/settings.js';
import { readSdkAppId } from '../config/tencent-settings.js';
import { ExitCode } from '../exit-code.js';
import { humanDuration, keyValueRows } from '../output/format.js';
import { secretOptions } from '../global-options.js';
import { integerFlag } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';
import { inCliTerms } from '../output/cli-advice.js';
import { readCallbackParameters } from './callback-query.js';

const TOKEN_OPTIONS = secretOptions('token', 'callback token', 'TOKENWIRE_CALLBACK_TOKEN');

const sign: CommandDefinition = {
  kind: 'command',
  name: 'sign',
  summary: 'compute the Sign of a callback: sha256(token + RequestTime), printed alone',
  options: {
    ...TOKEN_OPTIONS,
    time: { type: 'string', valueName: 'SECONDS', description: 'RequestTime in Unix seconds (default: now)' },
  },
  examples: [
    'TOKENWIRE_CALLBACK_TOKEN=… tokenwire callback sign --time 1700000000',
    'tokenwire callback sign --token-file callback-token.txt --json',
  ],
  async run(invocation) {
    const { settings, output } = invocation;
    const given = settings.flag('time');
    const requestTime = given === undefined ? Math.floor(invocation.context.now() / 1000) : parseRequestTime(given);
    if (requestTime === undefined) throw new UsageError(`--time must be Unix seconds (plain decimal), got ${JSON.stringify(given)}`);
    const token = await settings.requireSecret(SECRETS.callbackToken);
    const signature = signCallback({ token, requestTime });
    output.result({ ok: true, sign: signature, requestTime }, () => signature, { verbatim: [signature] });
    return ExitCode.success;
  },
};

/** Reads a token list: one token per line (blank lines and `#` comments ignored), or a JSON array of strings. */
export function parseTokenList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError('the tokens file starts with [ but is not a JSON array');
    }
    if (!Array.isArray(parsed) || !parsed.every((entry) => typeof entry === 'string'))
      throw new UsageError('the tokens file must be a JSON array of strings');
    return parsed.filter((entry) => entry.trim() !== '');
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * The accepted tokens: `--token…` and/or `--tokens-file`. Flags override TOKENWIRE_CALLBACK_TOKEN and the
 * profile, so with `--tokens-file` alone only the file's tokens are accepted (e.g. after a rotation ended).
 */
async function readTokens(invocation: CommandInvocation): Promise<string[]> {
  const { settings, values } = invocation;
  const tokens: string[] = [];
  const file = settings.flag('tokens-file');
  const singleFlag = settings.flag('token') !== undefined || settings.flag('token-file') !== undefined || values['token-stdin'] === true;
  if (singleFlag || file === undefined) {
    const single = await settings.secret(SECRETS.callbackToken);
    if (single !== undefined) tokens.push(single);
  }
  if (file !== undefined) {
    for (const token of parseTokenList(await readTextFile(expandPath(file), 'the callback tokens')))
      tokens.push(invocation.secrets.add(token));
  }
  if (tokens.length === 0)
    throw new UsageError('no callback token: give --token-file, --token-stdin, --tokens-file or TOKENWIRE_CALLBACK_TOKEN');
  return tokens;
}

async function readBody(invocation: CommandInvocation): Promise<string | undefined> {
  const inline = invocation.settings.flag('body');
  const file = invocation.settings.flag('body-file');
  if (inline !== undefined && file !== undefined) throw new UsageError('give --body or --body-file, not both');
  if (file !== undefined) return readTextFile(expandPath(file), 'the callback body');
  return inline;
}

const verify: CommandDefinition = {
  kind: 'command',
  name: 'verify',
  summary: 'check a callback URL the way a receiver does (SdkAppid, Sign, RequestTime; the body with --body)',
  description:
    "Checks SdkAppid against your SDKAppID and Sign = sha256(token + RequestTime) against each token (during a\nrotation, give both), with RequestTime within ±60 s (--tolerance). With --body/--body-file the body is parsed\nand checked against the command's schema too. Exit 1 with the reason when the callback would be refused.",
  options: {
    url: { type: 'string', valueName: 'URL', description: 'the full callback URL, with SdkAppid, CallbackCommand, Sign and RequestTime' },
    'sdk-app-id': { type: 'string', valueName: 'ID', description: 'your SDKAppID (TOKENWIRE_SDK_APP_ID)' },
    ...TOKEN_OPTIONS,
    'tokens-file': {
      type: 'string',
      valueName: 'PATH',
      description: 'accepted tokens, one per line or a JSON array (e.g. current and previous)',
    },
    body: { type: 'string', valueName: 'JSON', description: 'the raw callback body, to check it too' },
    'body-file': { type: 'string', valueName: 'PATH', description: 'read the raw callback body from a file' },
    tolerance: { type: 'string', valueName: 'SECONDS', description: 'largest accepted age of RequestTime (default 60)' },
  },
  examples: [
    "tokenwire callback verify --url 'https://example.com/cb?SdkAppid=1400000000&CallbackCommand=Live.CallbackAfterCreateRoom&Sign=…&RequestTime=…' --token-file token.txt",
    'tokenwire callback verify --url "$URL" --tokens-file tokens.txt --body-file body.json --json',
  ],
  async run(invocation) {
    const { settings, output } = invocation;
    const text = settings.flag('url');
    if (text === undefined) throw new UsageError('--url is required');
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new UsageError('--url must be an absolute URL (the full callback URL Tencent called)');
    }
    const sdkAppId = await readSdkAppId(settings);
    const tokens = await readTokens(invocation);
    const body = await readBody(invocation);
    const toleranceSeconds = integerFlag(settings.flag('tolerance'), 'tolerance', 0, 86_400) ?? 60;
    const now = invocation.context.now;
    const shownUrl = redactUrl(url);
    try {
      let command: string | undefined;
      let requestTime: number | undefined;
      let known: boolean | undefined;
      let eventTime: number | undefined;
      let commandMismatch: { readonly query: string; readonly body: string } | undefined;
      if (body !== undefined) {
        const event = await verifyLiveCallback({ url: url.href, body }, { sdkAppId, tokens, now, toleranceSeconds });
        // An authentic callback whose body does not match its command's schema: what --body is here to catch.
        if (!event.known && event.shapeIssues !== undefined) {
          throw new CallbackSignatureError('malformed_body', `the body does not match ${event.command}: ${event.shapeIssues}`);
        }
        command = event.command;
        requestTime = event.requestTime;
        known = event.known;
        eventTime = event.eventTime;
        commandMismatch = event.commandMismatch;
      } else {
        const parameters = readCallbackParameters(url);
        if (parameters.sdkAppId === undefined || parameters.command === undefined) {
          throw new CallbackSignatureError('malformed_request', 'the URL lacks SdkAppid or CallbackCommand: is it the full callback URL?');
        }
        if (parameters.sdkAppId !== String(sdkAppId)) {
          throw new CallbackSignatureError('sdkappid_mismatch', `the callback is for SDKAppID ${parameters.sdkAppId}, not ${sdkAppId}`);
        }
        verifyCallback({ tokens, sign: parameters.sign, requestTime: parameters.requestTime, now, toleranceSeconds });
        command = parameters.command;
        requestTime = parseRequestTime(parameters.requestTime ?? '');
      }
      const ageSeconds = requestTime === undefined ? undefined : Math.floor(now() / 1000) - requestTime;
      output.result(
        {
          ok: true,
          valid: true,
          command,
          sdkAppId,
          requestTime,
          ageSeconds,
          bodyChecked: body !== undefined,
          ...(known === undefined ? {} : { known }),
          ...(eventTime === undefined ? {} : { eventTime }),
          ...(commandMismatch === undefined ? {} : { commandMismatch }),
          url: shownUrl,
        },
        (style) => [
          `${style.green('✓')} ${style.bold('valid callback')}: a receiver with ${tokens.length === 1 ? 'this token' : `these ${tokens.length} tokens`} accepts it`,
          ...keyValueRows(
            [
              [
                'command',
                `${command}${known === false ? style.dim(' (not a command tokenwire knows)') : ''}` +
                  (commandMismatch === undefined
                    ? ''
                    : style.dim(` (URL says ${commandMismatch.query}, body says ${commandMismatch.body})`)),
              ],
              ['SDKAppID', String(sdkAppId)],
              [
                'RequestTime',
                `${requestTime}${ageSeconds === undefined ? '' : ` (${ageSeconds >= 0 ? `${humanDuration(ageSeconds)} ago` : `in ${humanDuration(-ageSeconds)}`}, tolerance ±${toleranceSeconds}s)`}`,
              ],
              [
                'body',
                body === undefined
                  ? style.dim('not checked (give --body or --body-file)')
                  : `checked${eventTime === undefined ? style.dim(' (no event time in it)') : `, event time ${new Date(eventTime).toISOString()}`}`,
              ],
            ],
            style.dim,
          ),
        ],
      );
      return ExitCode.success;
    } catch (error) {
      if (!CallbackSignatureError.isInstance(error)) throw error;
      if (output.json) {
        output.writeJson({
          ok: false,
          valid: false,
          reason: error.reason,
          error: { name: error.name, reason: error.reason, message: inCliTerms(error.message), exitCode: ExitCode.failure },
        });
      }
      output.error(
        `${output.errorStyle.red('✗')} ${output.errorStyle.bold(`callback refused (${error.reason})`)}: ${inCliTerms(error.message)}`,
      );
      return ExitCode.failure;
    }
  },
};

/** `tokenwire callback sign|verify`. */
export const callbackGroup: CommandGroup = {
  kind: 'group',
  name: 'callback',
  summary: 'sign and verify Tencent callbacks as a receiver does',
  children: [sign, verify],
  examples: ['tokenwire callback verify --url "$CALLBACK_URL" --token-file callback-token.txt'],
};
