import { TokenwireError, ValidationError } from '@tokenwire/core';
import { BaseUrlSchema, functionSchema, optionsObject, parseInput, resolveRetryPolicy, sanitizeCause } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { prepareAiccRequest, type AiccClient, type AiccRequest, type AiccResponse } from '../client/aicc-client.js';
import { CCMESSAGING_PATH_PREFIX, JSON_CONTENT_TYPE } from '../client/ccmessaging-apis.js';
import { RootRelativePathSchema } from '../client/endpoint-url.js';
import { exchange } from '../client/exchange.js';
import { AiccTransportOptionEntries, resolveTransportSettings, type AiccTransportOptions } from '../client/transport-settings.js';
import { GATEWAY_CCMESSAGING_PREFIX, GATEWAY_TOKEN_PATH } from './gateway-contract.js';

/** Options of {@link createAiccGatewayClient}. */
export interface AiccGatewayClientOptions extends AiccTransportOptions {
  /**
   * Where the gateway is mounted: an absolute `http(s)` URL (`https://edge.example.com`) or, in a browser, a path
   * on the page's origin (`/support`). Requests go to `{gatewayUrl}/aicc/token` and `{gatewayUrl}/aicc/ccmessaging/*`.
   */
  readonly gatewayUrl: string;
  /**
   * Returns the `Authorization` header value that authenticates the end user to the gateway (e.g.
   * `Bearer <user JWT>`); called before every attempt, so it can hand out a refreshed JWT. Omit it when the gateway
   * authenticates otherwise (a cookie: pass a `fetch` that sets `credentials: 'include'`).
   */
  readonly getAuthorization?: (() => string | Promise<string>) | undefined;
}

/** A `gatewayUrl` as the first of its two forms that takes it outputs it: an absolute http(s) URL or a root-relative path. */
function gatewayUrlOf(input: unknown): string | undefined {
  for (const schema of [BaseUrlSchema, RootRelativePathSchema]) {
    const result = v.safeParse(schema, input);
    if (result.success) return result.output;
  }
  return undefined;
}

const AiccGatewayClientOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      // One message for every refusal, whichever form was meant (a v.union would do the same, at the cost of
      // carrying valibot's union into the browser bundle for this one field).
      gatewayUrl: v.pipe(
        v.custom<string>(
          (input) => gatewayUrlOf(input) !== undefined,
          'must be an absolute http(s) URL or a path starting with a single /',
        ),
        v.transform((input) => gatewayUrlOf(input)!),
      ),
      getAuthorization: v.optional(functionSchema<() => string | Promise<string>>()),
      ...AiccTransportOptionEntries,
    },
    'an object with gatewayUrl',
  ))();

/**
 * Creates a browser-safe AICC client: the same {@link applyToken} and {@link createAiccSession} API, but every call
 * goes to a gateway (tokenwire's edge worker, or any server implementing the README's "Gateway contract") that
 * adds the API Fabric `Authorization` and `x-app-key` itself. The AK/SK and the AccessToken never reach the
 * browser; the browser only holds its own `ccmessaging-token`.
 *
 * The gateway refreshes its AccessToken itself, so a 403 it relays is final ({@link FabricAuthError}); answers the
 * gateway produces itself (header `x-aicc-gateway-error`) are {@link GatewayError}s carrying its code and the
 * gateway URL called (`misconfigured` is never retried). A 401 relayed from AICC is handled by the session (one
 * re-apply through `/aicc/token`, then one replay); the gateway's own 401 (`unauthorized`: it refused the end user,
 * e.g. an expired JWT) goes to the caller at once, without a re-apply.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} when the options are invalid.
 * @example
 * ```ts
 * const client = createAiccGatewayClient({
 *   gatewayUrl: 'https://edge.example.com',
 *   getAuthorization: async () => `Bearer ${await auth.currentJwt()}`,
 * });
 * const session = createAiccSession(client, { userId, userName, channelId, locale: 'en' });
 * for await (const message of session.messages({ signal })) render(message);
 * ```
 */
export function createAiccGatewayClient(options: AiccGatewayClientOptions): AiccClient {
  const parsed = parseInput(AiccGatewayClientOptionsSchema, options, 'AICC gateway client options');
  const settings = resolveTransportSettings(options);
  const gatewayUrl = parsed.gatewayUrl;
  const getAuthorization = options.getAuthorization;

  async function authorization(path: string): Promise<string | undefined> {
    if (getAuthorization === undefined) return undefined;
    let value: unknown;
    try {
      value = await getAuthorization();
    } catch (error) {
      throw new TokenwireError(`getAuthorization() failed before calling ${path} through the gateway`, {
        path,
        cause: sanitizeCause(error, []),
      });
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ValidationError('gateway authorization', [{ path: 'getAuthorization', message: 'must return a non-empty string' }]);
    }
    return value;
  }

  async function request(input: AiccRequest): Promise<AiccResponse> {
    const call = prepareAiccRequest(input);
    const path = `${CCMESSAGING_PATH_PREFIX}${call.api}`;
    const route = call.api === 'applyToken' ? GATEWAY_TOKEN_PATH : `${GATEWAY_CCMESSAGING_PREFIX}${call.api}`;
    return exchange({
      settings,
      path,
      url: `${gatewayUrl}${route}${call.search}`,
      method: call.method,
      headers: call.method === 'POST' ? { 'content-type': JSON_CONTENT_TYPE } : {},
      bodyText: call.bodyText,
      idempotent: call.idempotent,
      signal: call.signal,
      timeoutMs: call.timeoutMs ?? settings.timeoutMs,
      policy: resolveRetryPolicy(call.retry, settings.retryPolicy),
      checkFlowControl: true,
      // The gateway already refreshed its AccessToken and replayed once; a 403 it relays is final. Its own answers
      // (GATEWAY_ERROR_HEADER) are GatewayErrors before this is asked.
      accessRejection: { isRejection: (status) => status === 403, reason: 'access_token_rejected' },
      gatewayUrl: `${gatewayUrl}${route}`,
      messageToken: call.messageToken,
      onResponseHeaders: call.onResponseHeaders,
      responseSizeLimit: call.responseSizeLimit,
      async authorize() {
        const value = await authorization(path);
        return { authorization: value, secrets: [value] };
      },
    });
  }

  return Object.freeze({
    mode: 'gateway' as const,
    endpoint: gatewayUrl,
    now: settings.now,
    retryPolicy: settings.retryPolicy,
    request,
  });
}
