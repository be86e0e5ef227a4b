import { functionSchema, numberIn, optionsObject, originOf } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { AiccAccessTokenSource } from './aicc-access-token-source.js';
import {
  AiccAccessTokenSourceOptionEntries,
  type AiccAccessTokenSourceOptions,
  NonEmptyTextSchema,
} from './aicc-access-token-source-options.js';
import type { AllowedOrigins } from './gateway-cors.js';
import type { AiccGatewayLogEntry } from './gateway-log-entry.js';

/** The end user a request is made for, as the `authenticate` hook of {@link AiccGatewayHandlerOptions} returns it. */
export interface AiccGatewayUser {
  /**
   * The AICC `userId`: every identity field of the relayed calls (`userId`, `from`, `callId`, `receiverId`, in any
   * spelling) must be this id, and `/aicc/token` applies for it. Use the same id in the browser's `createAiccSession`.
   */
  readonly userId: string;
}

/**
 * Options of `createAiccGatewayHandler`: the API Fabric app (as for `createAiccAccessTokenSource`; `fetch` is also
 * the one for AICC), who may call, and the limits.
 */
export interface AiccGatewayHandlerOptions extends AiccAccessTokenSourceOptions {
  /**
   * Who is calling: the end user of `request` (verify its `authorization` header, a cookie, …), or `undefined` to
   * refuse it with 401 `unauthorized` (no detail). Called before any body is read. A hook that throws gives 500
   * `internal_error` (its name logged, not its message).
   */
  readonly authenticate: (request: Request) => Promise<AiccGatewayUser | undefined>;
  /**
   * Origins whose pages may call the gateway (`https://app.example.com`: scheme, host, optional port), or `['*']` for
   * any. Default none: only same-origin pages and servers.
   */
  readonly allowedOrigins?: readonly string[] | undefined;
  /** The web channel Configuration IDs a browser may apply a token for. Default: any. */
  readonly channels?: readonly string[] | undefined;
  /**
   * Where the AccessTokens come from. Default: a source of this handler's own, `createAiccAccessTokenSource` of
   * these options (per isolate on Workers). Give one to share it between handlers, or wider (the edge worker's
   * `AiccTokenObject`: one per app); then this handler never calls `tokenByAkSk` itself.
   */
  readonly accessTokens?: AiccAccessTokenSource | undefined;
  /** Uploads (`uploadFileStream`) one user may run at once: 1–64. Default 2. */
  readonly maxUploadsPerUser?: number | undefined;
  /** Uploads this handler runs at once, all users together: 1–1024. Default 8. */
  readonly maxUploads?: number | undefined;
  /** Where the operator's log lines go. Default: `console.error` of the entry as JSON. Never given a secret. */
  readonly log?: ((entry: AiccGatewayLogEntry) => void) | undefined;
}

/** The options, checked once when the handler is created (a `ValidationError` that quotes no value). */
export const AiccGatewayHandlerOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      ...AiccAccessTokenSourceOptionEntries,
      authenticate: functionSchema<AiccGatewayHandlerOptions['authenticate']>('a function (request) => Promise<{ userId } | undefined>'),
      allowedOrigins: v.optional(
        v.pipe(
          v.array(v.string('must be a string'), 'must be an array of origins'),
          v.check(
            (entries) => entries.every((entry) => entry === '*' || originOf(entry) !== undefined),
            'must list origins such as https://app.example.com (scheme, host, optional port; no path), or *',
          ),
          v.transform((entries): AllowedOrigins => (entries.includes('*') ? '*' : new Set(entries.map((entry) => originOf(entry)!)))),
        ),
        [],
      ),
      channels: v.optional(v.array(NonEmptyTextSchema, 'must be an array of channel ids'), []),
      accessTokens: v.optional(
        v.custom<AiccAccessTokenSource>(
          (input) =>
            typeof (input as AiccAccessTokenSource | null)?.get === 'function' &&
            typeof (input as AiccAccessTokenSource).invalidate === 'function',
          'must be an AccessToken source { get, invalidate }',
        ),
      ),
      maxUploadsPerUser: v.optional(numberIn(1, 64, 'must be a whole number from 1 to 64', true), 2),
      maxUploads: v.optional(numberIn(1, 1024, 'must be a whole number from 1 to 1024', true), 8),
      log: v.optional(functionSchema<(entry: AiccGatewayLogEntry) => void>()),
    },
    'an object with baseUrl, appKey, appSecret and authenticate',
  ))();
