import type { CommandGroup } from '../command.js';
import { aiccChatCommand } from './aicc-chat-command.js';
import { aiccTokenCommand } from './aicc-token-command.js';

/** `tokenwire aicc token|chat`. */
export const aiccGroup: CommandGroup = {
  kind: 'group',
  name: 'aicc',
  summary: 'Huawei AICC CC-Messaging: tokens and an interactive chat',
  children: [aiccTokenCommand, aiccChatCommand],
  examples: ['tokenwire aicc chat --user-id user-42 --user-name Ada --channel-id web-channel'],
};
