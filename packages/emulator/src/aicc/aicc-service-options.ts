import { ValidationError, type ValidationIssue } from '@tokenwire/core';
import { AICC_DIALECTS, DEFAULT_AICC_DIALECT, isAiccDialect, pollTokenRejectionStatusOf, type AiccDialect } from './aicc-dialect.js';

/** The optional human agent of the emulated AICC, who takes over a session after `TRANS2AGENT`. */
export interface AiccAgentOptions {
  /** Whether an agent joins queued sessions by itself. Defaults to `true` when the `agent` option is given. */
  readonly enabled?: boolean;
  /** How long a transferred session waits in the queue before the agent joins, in ms. Defaults to 1000. */
  readonly joinDelayMs?: number;
  /** How long the agent takes to answer a chat message, in ms. Defaults to `robotReplyDelayMs`. */
  readonly replyDelayMs?: number;
  /** The agent's `senderNickname` in downlink messages. Defaults to `'Agent Alice'`. */
  readonly nickname?: string;
}

/**
 * Configuration of the emulated Huawei AICC CC-Messaging service (API Fabric `tokenByAkSk` plus the
 * `/apiaccess/ccmessaging/*` web client API).
 *
 * @example
 * ```ts
 * const aicc = createAiccService(
 *   { appKey: 'app-key', appSecret: 'app-secret', channels: ['web-channel-1'], pollHoldMs: 200 },
 *   { now: () => Date.now() },
 * );
 * ```
 */
export interface AiccServiceOptions {
  /** The API Fabric `app_key` that `tokenByAkSk` accepts and every ccmessaging call must send as `x-app-key`. */
  readonly appKey: string;
  /** The API Fabric `app_secret` that `tokenByAkSk` accepts. */
  readonly appSecret: string;
  /** The web channel Configuration IDs (`channelId`, `to`, `channelConfigId`) that exist in the tenant. */
  readonly channels: readonly string[];
  /** How long `poll` holds a request when no message is queued, in ms. Defaults to 5000 (AICC's default). */
  readonly pollHoldMs?: number;
  /** Lifetime of a `ccmessaging-token` from `applyToken` or a rotation, in seconds. Defaults to 3600. */
  readonly messageTokenTtlSeconds?: number;
  /**
   * When a chat call presents a `ccmessaging-token` that expires within this many seconds, the response carries a
   * fresh token in the `ccmessaging-token` response header. Defaults to 300.
   */
  readonly rotateWithinSeconds?: number;
  /** How long the scripted robot takes to answer, in ms. `0` (the default) answers before `send` returns. */
  readonly robotReplyDelayMs?: number;
  /** The optional human agent. Without it, a transferred session stays queued until `joinAgent` is called. */
  readonly agent?: AiccAgentOptions;
  /** Path of the API Fabric token endpoint. Defaults to `/apigovernance/api/oauth/tokenByAkSk`. */
  readonly fabricTokenPath?: string;
  /** Largest file `uploadFileStream` accepts (decoded bytes). Defaults to 10 MiB. */
  readonly uploadMaxBytes?: number;
  /** Largest file `downloadFileStream` returns (decoded bytes); AICC's default is 2 MiB. */
  readonly downloadMaxBytes?: number;
  /**
   * Which documentation set the answers follow where Huawei's pages disagree: `api-reference` (the default) or
   * `developer-guide` (`applyToken` answers `{ token: "\"…\"" }` without `resultCode`, `uploadFileStream`
   * answers `resultCode`/`resultDesc`, a long poll with an expired `ccmessaging-token` gets 403). See
   * {@link AiccDialect}.
   */
  readonly dialect?: AiccDialect;
  /**
   * The HTTP status of a long poll whose `ccmessaging-token` is missing, unknown or expired: 401 (API reference,
   * cec_07_0088) or 403 (developer guide, cec_05_1010). Defaults to the dialect's.
   */
  readonly pollTokenRejectionStatus?: 401 | 403;
}

/** {@link AiccServiceOptions} with every default applied. */
export interface ResolvedAiccServiceOptions {
  readonly appKey: string;
  readonly appSecret: string;
  readonly channels: readonly string[];
  readonly pollHoldMs: number;
  readonly messageTokenTtlSeconds: number;
  readonly rotateWithinSeconds: number;
  readonly robotReplyDelayMs: number;
  readonly agentEnabled: boolean;
  readonly agentJoinDelayMs: number;
  readonly agentReplyDelayMs: number;
  readonly agentNickname: string;
  readonly fabricTokenPath: string;
  readonly uploadMaxBytes: number;
  readonly downloadMaxBytes: number;
  readonly dialect: AiccDialect;
  readonly pollTokenRejectionStatus: 401 | 403;
}

/** The documented path of the API Fabric token endpoint. */
export const DEFAULT_FABRIC_TOKEN_PATH = '/apigovernance/api/oauth/tokenByAkSk';

const MEBIBYTE = 1024 * 1024;

/**
 * Applies the defaults of {@link AiccServiceOptions} and checks the configuration.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} listing every bad field: not an object, an empty
 *   credential, no channel, a negative duration, a bad `agent`, `fabricTokenPath`, `dialect` or
 *   `pollTokenRejectionStatus`.
 */
export function resolveAiccServiceOptions(options: AiccServiceOptions): ResolvedAiccServiceOptions {
  if (!isPlainObject(options)) throw new ValidationError('AICC emulator options', [{ path: '', message: 'must be an object' }]);
  const issues: ValidationIssue[] = [];
  if (typeof options.appKey !== 'string' || options.appKey.length === 0)
    issues.push({ path: 'appKey', message: 'must be a non-empty string' });
  if (typeof options.appSecret !== 'string' || options.appSecret.length === 0) {
    issues.push({ path: 'appSecret', message: 'must be a non-empty string' });
  }
  if (!Array.isArray(options.channels) || options.channels.length === 0) {
    issues.push({ path: 'channels', message: 'must list at least one channel Configuration ID' });
  } else if (options.channels.some((channel) => typeof channel !== 'string' || channel.length === 0)) {
    issues.push({ path: 'channels', message: 'must contain non-empty strings' });
  }
  const robotReplyDelayMs = readDuration(options.robotReplyDelayMs, 0, 'robotReplyDelayMs', issues);
  const agent = readAgent(options.agent, issues);
  const fabricTokenPath = options.fabricTokenPath ?? DEFAULT_FABRIC_TOKEN_PATH;
  if (typeof fabricTokenPath !== 'string' || !fabricTokenPath.startsWith('/')) {
    issues.push({ path: 'fabricTokenPath', message: 'must be a path starting with "/"' });
  }
  const dialect = options.dialect ?? DEFAULT_AICC_DIALECT;
  if (!isAiccDialect(dialect)) issues.push({ path: 'dialect', message: `must be one of ${AICC_DIALECTS.join(', ')}` });
  const pollTokenRejectionStatus =
    options.pollTokenRejectionStatus ?? pollTokenRejectionStatusOf(isAiccDialect(dialect) ? dialect : DEFAULT_AICC_DIALECT);
  if (pollTokenRejectionStatus !== 401 && pollTokenRejectionStatus !== 403)
    issues.push({ path: 'pollTokenRejectionStatus', message: 'must be 401 or 403' });
  const resolved: ResolvedAiccServiceOptions = {
    appKey: options.appKey,
    appSecret: options.appSecret,
    channels: [...(options.channels ?? [])],
    pollHoldMs: readDuration(options.pollHoldMs, 5000, 'pollHoldMs', issues),
    messageTokenTtlSeconds: readDuration(options.messageTokenTtlSeconds, 3600, 'messageTokenTtlSeconds', issues, 1),
    rotateWithinSeconds: readDuration(options.rotateWithinSeconds, 300, 'rotateWithinSeconds', issues),
    robotReplyDelayMs,
    agentEnabled: agent !== undefined && agent.enabled !== false,
    agentJoinDelayMs: readDuration(agent?.joinDelayMs, 1000, 'agent.joinDelayMs', issues),
    agentReplyDelayMs: readDuration(agent?.replyDelayMs, robotReplyDelayMs, 'agent.replyDelayMs', issues),
    agentNickname: agent?.nickname ?? 'Agent Alice',
    fabricTokenPath,
    uploadMaxBytes: readDuration(options.uploadMaxBytes, 10 * MEBIBYTE, 'uploadMaxBytes', issues, 1),
    downloadMaxBytes: readDuration(options.downloadMaxBytes, 2 * MEBIBYTE, 'downloadMaxBytes', issues, 1),
    dialect,
    pollTokenRejectionStatus,
  };
  if (issues.length > 0) throw new ValidationError('AICC emulator options', issues);
  return resolved;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the `agent` option (an object with a boolean `enabled` and a non-empty `nickname`), recording issues. */
function readAgent(agent: unknown, issues: ValidationIssue[]): AiccAgentOptions | undefined {
  if (agent === undefined) return undefined;
  if (!isPlainObject(agent)) {
    issues.push({ path: 'agent', message: 'must be an object ({} for an agent with the defaults)' });
    return undefined;
  }
  const { enabled, nickname } = agent as AiccAgentOptions;
  if (enabled !== undefined && typeof enabled !== 'boolean') issues.push({ path: 'agent.enabled', message: 'must be a boolean' });
  if (nickname !== undefined && (typeof nickname !== 'string' || nickname.length === 0)) {
    issues.push({ path: 'agent.nickname', message: 'must be a non-empty string' });
  }
  return agent;
}

/** Reads a non-negative integer option (a duration or a size), recording an issue when it is not one. */
function readDuration(value: number | undefined, fallback: number, path: string, issues: ValidationIssue[], minimum = 0): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < minimum) {
    issues.push({ path, message: `must be an integer ≥ ${minimum}` });
    return fallback;
  }
  return value;
}
