import type { OptionDefinitions } from './command.js';

/** Flags every command accepts. */
export const GLOBAL_OPTIONS: OptionDefinitions = {
  json: { type: 'boolean', description: 'print exactly one JSON object on stdout (results and errors)' },
  'show-secrets': { type: 'boolean', description: 'print secrets (keys, UserSigs, tokens) instead of ***' },
  profile: { type: 'string', valueName: 'NAME', description: 'profile of $XDG_CONFIG_HOME/tokenwire/config.json (or TOKENWIRE_PROFILE)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  version: { type: 'boolean', description: 'print the version' },
};

/** Flags of commands that call the Tencent REST API. */
export const TENCENT_OPTIONS: OptionDefinitions = {
  'sdk-app-id': { type: 'string', valueName: 'ID', description: 'SDKAppID (TOKENWIRE_SDK_APP_ID)' },
  identifier: { type: 'string', valueName: 'USER', description: 'App administrator account; default administrator (TOKENWIRE_IDENTIFIER)' },
  region: {
    type: 'string',
    valueName: 'REGION',
    description: 'data centre: china, singapore, korea, japan, germany, india, usa, indonesia (TOKENWIRE_REGION)',
  },
  'base-url': {
    type: 'string',
    valueName: 'URL',
    description: 'custom base URL instead of a region, e.g. the emulator (TOKENWIRE_BASE_URL)',
  },
  ...secretOptions('secret-key', 'secret key', 'TOKENWIRE_SECRET_KEY'),
  timeout: { type: 'string', valueName: 'MS', description: 'per-attempt timeout in milliseconds (default 10000)' },
  retries: { type: 'string', valueName: 'N', description: 'retries of transient failures (default 3)' },
};

/** Flags of commands that call the AICC CC-Messaging API. */
export const AICC_OPTIONS: OptionDefinitions = {
  'base-url': { type: 'string', valueName: 'URL', description: 'AICC base URL (TOKENWIRE_AICC_BASE_URL)' },
  'app-key': { type: 'string', valueName: 'KEY', description: 'API Fabric app key (TOKENWIRE_AICC_APP_KEY)' },
  ...secretOptions('app-secret', 'API Fabric app secret', 'TOKENWIRE_AICC_APP_SECRET'),
  timeout: { type: 'string', valueName: 'MS', description: 'per-attempt timeout in milliseconds' },
  retries: { type: 'string', valueName: 'N', description: 'retries of transient failures' },
};

/** The three flag forms of a secret: inline (warns), from a file, from standard input. */
export function secretOptions(flag: string, label: string, env?: string): OptionDefinitions {
  return {
    [flag]: {
      type: 'string',
      valueName: 'VALUE',
      description: `${label} inline (warns; prefer ${env === undefined ? '' : `${env} or `}a file/stdin)`,
    },
    [`${flag}-file`]: { type: 'string', valueName: 'PATH', description: `read the ${label} from a file` },
    [`${flag}-stdin`]: { type: 'boolean', description: `read the ${label} from standard input` },
  };
}
