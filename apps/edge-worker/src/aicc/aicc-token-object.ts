import { type AiccAccessTokenSource, createAiccAccessTokenSource } from '@tokenwire/aicc-messaging/gateway';
import { readAiccConfig } from '../config/aicc-config.js';
import type { Bindings } from '../config/read-bindings.js';

/** One step asked of an {@link AiccTokenObject}, as JSON. */
export type AiccTokenCommand = { readonly op: 'get' } | { readonly op: 'invalidate'; readonly accessToken: string };

/** The object's answer to `get`: the app's AccessToken and its lifetime (ms since the epoch). */
export interface AiccTokenLease {
  readonly accessToken: string;
  readonly obtainedAtMs: number;
  readonly expiresAtMs: number;
  /** Until when an isolate may keep it: the object fetches the next one from then on. */
  readonly refreshAtMs: number;
}

/**
 * The Durable Object behind the `AICC_TOKEN` binding: the app's one API Fabric AccessToken, for every isolate and
 * location (the worker uses the object named `app`). It holds a `createAiccAccessTokenSource` of the `AICC_*`
 * bindings: one `tokenByAkSk` in flight at a time, shared by every isolate waiting; the token kept until its refresh
 * margin; at most one 403-forced refresh per `ACCESS_TOKEN_REFRESH_FLOOR_MS` for the whole app. Each command is one
 * `POST` with an {@link AiccTokenCommand} body: `get` is answered with an {@link AiccTokenLease} (502 `{ error }`,
 * the error's name, when API Fabric cannot be reached or refuses the AK/SK), `invalidate` with `{ renewed }` (whether
 * a call repeated now gets another token).
 *
 * The token lives in the object's memory only, never in its storage nor in a log line; it leaves the object only
 * to the worker's isolates (a Durable Object is reachable through its binding, not from the Internet), which never
 * give it to a browser. When the object is evicted, the next `get` fetches a new token.
 */
export class AiccTokenObject {
  readonly #env: Bindings;
  #source: AiccAccessTokenSource | undefined;

  constructor(_state: unknown, env: Bindings) {
    this.#env = env;
  }

  /** Runs one {@link AiccTokenCommand}. */
  async fetch(request: Request): Promise<Response> {
    const command = (await request.json()) as AiccTokenCommand;
    if (this.#source === undefined) {
      const config = readAiccConfig(this.#env);
      if (!config.ok) return Response.json({ error: 'misconfigured' }, { status: 500 });
      const { baseUrl, appKey, appSecret, fabricTokenPath, accessTokenTtlSeconds } = config.value;
      this.#source = createAiccAccessTokenSource({ baseUrl, appKey, appSecret, fabricTokenPath, accessTokenTtlSeconds });
    }
    if (command.op === 'invalidate') return Response.json({ renewed: await this.#source.invalidate(command.accessToken) });
    try {
      const { accessToken, obtainedAtMs, expiresAtMs, refreshAtMs } = await this.#source.get();
      return Response.json({ accessToken, obtainedAtMs, expiresAtMs, refreshAtMs } satisfies AiccTokenLease);
    } catch (error) {
      return Response.json({ error: error instanceof Error ? error.name : 'Error' }, { status: 502 });
    }
  }
}
