import type { CommandGroup } from './command.js';
import { aiccGroup } from './commands/aicc-group.js';
import { callbackGroup } from './commands/callback-commands.js';
import { demoCommand } from './commands/demo-command.js';
import { emulatorCommand } from './commands/emulator-command.js';
import { liveConfigCallbackGroup } from './commands/live-config-callback-commands.js';
import { liveConfigTokenGroup } from './commands/live-config-token-commands.js';
import { usersigGroup } from './commands/usersig-commands.js';

/** Every command of `tokenwire`. */
export const COMMAND_TREE: CommandGroup = {
  kind: 'group',
  name: 'tokenwire',
  summary: 'Tencent Cloud Chat / TUILiveKit REST and Huawei AICC CC-Messaging from the command line',
  description:
    'Settings come from flags, then TOKENWIRE_* environment variables, then a profile of\n$XDG_CONFIG_HOME/tokenwire/config.json (--profile). Secrets are never printed unless --show-secrets.',
  children: [
    demoCommand,
    usersigGroup,
    {
      kind: 'group',
      name: 'live-config',
      summary: 'TUILiveKit callback configuration: the callback token and the callback URL',
      children: [liveConfigTokenGroup, liveConfigCallbackGroup],
      examples: [
        'tokenwire live-config token set --generate --enable --save-token callback-token.txt',
        'tokenwire live-config callback set --url https://example.com/tencent --command Live.CallbackAfterCreateRoom',
      ],
    },
    callbackGroup,
    aiccGroup,
    emulatorCommand,
  ],
  examples: [
    'tokenwire demo',
    'tokenwire emulator --save-env .tokenwire.env',
    'tokenwire usersig sign --sdk-app-id 1400000000 --user-id alice --secret-key-file key.txt',
    'tokenwire live-config callback get --json',
    'tokenwire aicc chat --user-id user-42 --channel-id web-channel',
  ],
};
