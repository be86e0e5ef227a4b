import { applyToken } from '@tokenwire/aicc-messaging';
import { REDACTED } from '@tokenwire/core';
import type { CommandDefinition } from '../command.js';
import { AICC_USER_OPTIONS, createAiccClientFromSettings, readAiccUser } from '../config/aicc-settings.js';
import { ExitCode } from '../exit-code.js';
import { humanDuration, keyValueRows } from '../output/format.js';
import { AICC_OPTIONS } from '../global-options.js';

/** `tokenwire aicc token`: an API Fabric AccessToken, then a `ccmessaging-token` for one end user. */
export const aiccTokenCommand: CommandDefinition = {
  kind: 'command',
  name: 'token',
  summary: 'get an API Fabric AccessToken (tokenByAkSk) and a ccmessaging-token (applyToken) for a user',
  description:
    'Calls tokenByAkSk with the app key and secret, then applyToken for the user on the web channel, and shows\nboth lifetimes. Tokens print as *** unless --show-secrets.',
  options: { ...AICC_OPTIONS, ...AICC_USER_OPTIONS },
  examples: [
    'tokenwire aicc token --user-id user-42 --user-name Ada --channel-id web-channel --locale en',
    'tokenwire aicc token --user-id user-42 --channel-id web-channel --json',
  ],
  async run(invocation) {
    const { output, secrets, context } = invocation;
    const user = await readAiccUser(invocation);
    const client = await createAiccClientFromSettings(invocation);
    const accessToken = secrets.add(await client.accessTokens.get(context.signal));
    const grant = client.accessTokens.grant;
    const messageToken = await applyToken(client, user, { signal: context.signal });
    secrets.add(messageToken.token);
    const reveal = output.showSecrets;
    const accessTokenExpiresAt = grant === undefined ? undefined : new Date(grant.expiresAtMs).toISOString();
    output.result(
      {
        ok: true,
        user,
        token: reveal ? messageToken.token : REDACTED,
        expiresAt: new Date(messageToken.expiresAtMs).toISOString(),
        accessToken: reveal ? accessToken : REDACTED,
        ...(accessTokenExpiresAt === undefined ? {} : { accessTokenExpiresAt }),
      },
      (style) => [
        `${style.green('✓')} ${style.bold('ccmessaging-token issued')} for ${user.userId} on ${user.channelId}`,
        ...keyValueRows(
          [
            [
              'ccmessaging-token',
              `${reveal ? messageToken.token : REDACTED} · expires ${new Date(messageToken.expiresAtMs).toISOString()} (in ${humanDuration((messageToken.expiresAtMs - context.now()) / 1000)})`,
            ],
            [
              'AccessToken',
              `${reveal ? accessToken : REDACTED}${grant === undefined ? '' : ` · expires ${accessTokenExpiresAt} (in ${humanDuration((grant.expiresAtMs - context.now()) / 1000)})`}`,
            ],
          ],
          style.dim,
        ),
      ],
    );
    return ExitCode.success;
  },
};
