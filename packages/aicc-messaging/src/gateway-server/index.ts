/**
 * @tokenwire/aicc-messaging/gateway — the server side of `createAiccGatewayClient`: a `fetch` handler that
 * authenticates your users, pins their identity and relays the allow-listed CC-Messaging calls to AICC with the API
 * Fabric credentials, for Cloudflare Workers, Deno, Bun, Node's fetch servers and Hono. Web-standard APIs only.
 *
 * @packageDocumentation
 */

export type { AiccGatewayExecutionContext, AiccGatewayHandler } from './create-aicc-gateway-handler.js';
export { createAiccGatewayHandler } from './create-aicc-gateway-handler.js';
export type { AiccGatewayHandlerOptions, AiccGatewayUser } from './aicc-gateway-handler-options.js';
export type { AiccGatewayLogEntry } from './gateway-log-entry.js';
export type { AiccAccessTokenSource } from './aicc-access-token-source.js';
export { ACCESS_TOKEN_REFRESH_FLOOR_MS, ACCESS_TOKEN_WAIT_MS, createAiccAccessTokenSource } from './aicc-access-token-source.js';
export type { AiccAccessTokenSourceOptions } from './aicc-access-token-source-options.js';
export type { AccessTokenGrant } from '../client/access-token-cache.js';
export { MAX_UPLOADS_PER_ISOLATE, MAX_UPLOADS_PER_USER } from './upload-slots.js';
export { POLL_RELAY_TIMEOUT_MS, RELAY_TIMEOUT_MS, UPLOAD_RELAY_TIMEOUT_MS } from './relay-to-aicc.js';
