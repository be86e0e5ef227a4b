/**
 * The bindings the worker reads. On Cloudflare they come from `wrangler.toml` `[vars]`, `wrangler secret put` and
 * the `[[queues.producers]]` binding; under Deno and Bun from the process environment. Every one is documented in
 * the README ("Configuration"); each route checks the ones it needs and answers 500 `misconfigured` when one is
 * missing or invalid, logging which binding (never its value).
 */
export interface WorkerEnv {
  /** SDKAppID of the Tencent app (decimal). Callback and UserSig routes. */
  readonly TENCENT_SDK_APP_ID?: string;
  /** Callback token configured with `set_callback_token` (secret). Callback route. */
  readonly TENCENT_CALLBACK_TOKEN?: string;
  /** The previous callback token, accepted too during a rotation (secret, optional). */
  readonly TENCENT_CALLBACK_TOKEN_PREVIOUS?: string;
  /** Cloudflare Queue producer binding that receives accepted events (optional). */
  readonly EVENTS?: QueueProducer;
  /** Durable Object namespace of `ReplayGuardObject`: one replay memory for every isolate and location (optional; else per isolate). */
  readonly REPLAY_GUARD?: DurableObjectNamespaceLike;
  /** https URL (http only for localhost) that receives accepted events by POST when there is no queue, or the queue refused (optional). */
  readonly FORWARD_URL?: string;
  /** `Authorization` header value sent to `FORWARD_URL` and `BEFORE_GIFT_FORWARD_URL` (secret, optional). */
  readonly FORWARD_AUTHORIZATION?: string;
  /** `allow` (default) or `block`: the answer to `Live.CallbackBeforeSendGift` when nothing else decides. */
  readonly BEFORE_GIFT_POLICY?: string;
  /** https URL (http only for localhost) that decides before-gift callbacks (optional); the policy applies when it does not answer in time. */
  readonly BEFORE_GIFT_FORWARD_URL?: string;
  /** How long to wait for `BEFORE_GIFT_FORWARD_URL`, in ms: 1–1500, default 1500. */
  readonly BEFORE_GIFT_FORWARD_TIMEOUT_MS?: string;
  /** Secret key of the Tencent app (secret). UserSig route. */
  readonly TENCENT_SECRET_KEY?: string;
  /** Comma-separated identifiers that never get a UserSig, besides `administrator` (optional). */
  readonly TENCENT_ADMIN_IDENTIFIERS?: string;
  /** Lifetime of minted UserSigs in seconds (core's `expireSeconds`): 60–2592000, default 86400. */
  readonly USER_SIG_EXPIRE_SECONDS?: string;
  /** @deprecated The old name of `USER_SIG_EXPIRE_SECONDS`, read when that is not set (setting both is a problem). */
  readonly USERSIG_TTL_SECONDS?: string;
  /** HS256 key of end-user JWTs, at least 32 bytes (secret). UserSig and AICC routes. */
  readonly USER_JWT_SECRET?: string;
  /** Required `iss` claim of end-user JWTs (optional). */
  readonly USER_JWT_ISSUER?: string;
  /** Required `aud` claim (or member of it) of end-user JWTs (optional). */
  readonly USER_JWT_AUDIENCE?: string;
  /** AICC base URL, e.g. `https://service.besclouds.com`. AICC routes. */
  readonly AICC_BASE_URL?: string;
  /** API Fabric app key (secret). AICC routes. */
  readonly AICC_APP_KEY?: string;
  /** API Fabric app secret (secret). AICC routes. */
  readonly AICC_APP_SECRET?: string;
  /** Path of `tokenByAkSk`; default `/apigovernance/api/oauth/tokenByAkSk`. */
  readonly AICC_FABRIC_TOKEN_PATH?: string;
  /** Requested AccessToken lifetime (`X-Token-Expire`), 60–3600 s, default 600. */
  readonly AICC_ACCESS_TOKEN_TTL_SECONDS?: string;
  /** Comma-separated web channel Configuration IDs a browser may apply a token for (optional; default any). */
  readonly AICC_CHANNEL_IDS?: string;
  /** Durable Object namespace of `AiccTokenObject`: one API Fabric AccessToken for every isolate (optional; else per isolate). */
  readonly AICC_TOKEN?: DurableObjectNamespaceLike;
  /** Comma-separated origins allowed to call the browser routes (`/tencent/usersig`, `/aicc/*`), or `*`. */
  readonly ALLOWED_ORIGINS?: string;
}

/** The part of a Cloudflare Queue producer binding the worker uses. */
export interface QueueProducer {
  send(message: unknown, options?: { readonly contentType?: 'json' | 'text' | 'bytes' | 'v8' }): Promise<void>;
}

/** The part of a Cloudflare Durable Object namespace binding the worker uses. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): object;
  get(id: object): { fetch(input: string, init: RequestInit): Promise<Response> };
}

/** The part of the runtime's execution context the worker uses (Cloudflare's `ExecutionContext`). */
export interface WorkerContext {
  /** Keeps the isolate alive until `promise` settles, after the response has been sent. */
  waitUntil(promise: Promise<unknown>): void;
}

/** A `fetch` as the worker calls it for its outbound requests. */
export type OutboundFetch = (request: Request) => Promise<Response>;
