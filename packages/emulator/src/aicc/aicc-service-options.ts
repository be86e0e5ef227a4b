import { numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { AICC_DIALECTS, type AiccDialect, DEFAULT_AICC_DIALECT, pollTokenRejectionStatusOf } from './aicc-dialect.js';

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
 * {@link AiccServiceOptions}, with every default applied ({@link ResolvedAiccServiceOptions}). Messages never
 * repeat a value (`appSecret` is one).
 */
export const AiccServiceOptionsSchema: v.GenericSchema<unknown, ResolvedAiccServiceOptions> = /* @__PURE__ */ (() => {
  const nonEmpty = v.pipe(v.string('must be a non-empty string'), v.nonEmpty('must be a non-empty string'));
  const atLeast = (minimum: number) => numberIn(minimum, Number.MAX_SAFE_INTEGER, `must be an integer ≥ ${minimum}`, true);
  const pathMessage = 'must be a path starting with "/"';
  return v.pipe(
    optionsObject(
      {
        appKey: nonEmpty,
        appSecret: nonEmpty,
        channels: v.pipe(
          v.array(nonEmpty, 'must list the channel Configuration IDs'),
          v.nonEmpty('must list at least one channel Configuration ID'),
        ),
        pollHoldMs: v.optional(atLeast(0), 5000),
        messageTokenTtlSeconds: v.optional(atLeast(1), 3600),
        rotateWithinSeconds: v.optional(atLeast(0), 300),
        robotReplyDelayMs: v.optional(atLeast(0), 0),
        agent: v.optional(
          optionsObject(
            {
              enabled: v.optional(v.boolean('must be a boolean')),
              joinDelayMs: v.optional(atLeast(0)),
              replyDelayMs: v.optional(atLeast(0)),
              nickname: v.optional(nonEmpty),
            },
            'an object ({} for an agent with the defaults)',
          ),
        ),
        fabricTokenPath: v.optional(v.pipe(v.string(pathMessage), v.startsWith('/', pathMessage)), DEFAULT_FABRIC_TOKEN_PATH),
        uploadMaxBytes: v.optional(atLeast(1), 10 * MEBIBYTE),
        downloadMaxBytes: v.optional(atLeast(1), 2 * MEBIBYTE),
        dialect: v.optional(v.picklist(AICC_DIALECTS, `must be one of ${AICC_DIALECTS.join(', ')}`), DEFAULT_AICC_DIALECT),
        pollTokenRejectionStatus: v.optional(v.picklist([401, 403] as const, 'must be 401 or 403')),
      },
      'an object of AICC emulator options',
    ),
    v.transform(
      ({ agent, ...options }): ResolvedAiccServiceOptions => ({
        appKey: options.appKey,
        appSecret: options.appSecret,
        channels: options.channels,
        pollHoldMs: options.pollHoldMs,
        messageTokenTtlSeconds: options.messageTokenTtlSeconds,
        rotateWithinSeconds: options.rotateWithinSeconds,
        robotReplyDelayMs: options.robotReplyDelayMs,
        agentEnabled: agent !== undefined && agent.enabled !== false,
        agentJoinDelayMs: agent?.joinDelayMs ?? 1000,
        agentReplyDelayMs: agent?.replyDelayMs ?? options.robotReplyDelayMs,
        agentNickname: agent?.nickname ?? 'Agent Alice',
        fabricTokenPath: options.fabricTokenPath,
        uploadMaxBytes: options.uploadMaxBytes,
        downloadMaxBytes: options.downloadMaxBytes,
        dialect: options.dialect,
        pollTokenRejectionStatus: options.pollTokenRejectionStatus ?? pollTokenRejectionStatusOf(options.dialect),
      }),
    ),
  );
})();

/**
 * Checks the configuration and applies the defaults of {@link AiccServiceOptions}.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} listing every bad field: not an object, an
 *   unknown option, an empty credential, no channel, a negative duration, a bad `agent`, `fabricTokenPath`,
 *   `dialect` or `pollTokenRejectionStatus`.
 */
export function resolveAiccServiceOptions(options: AiccServiceOptions): ResolvedAiccServiceOptions {
  return parseInput(AiccServiceOptionsSchema, options, 'AICC emulator options');
}
