import { describeErrorCode } from '@tokenwire/core';

/** The fields every Tencent REST answer carries. */
export interface TencentEnvelopeBody {
  readonly ActionStatus: 'OK' | 'FAIL';
  readonly ErrorCode: number;
  readonly ErrorInfo: string;
  readonly RequestId: string;
  /** Payload of the `live_config` get commands. */
  readonly Response?: unknown;
}

/** What a step of request handling decided before the service wraps it in an envelope. */
export type CommandOutcome =
  | { readonly ok: true; readonly response?: unknown }
  | { readonly ok: false; readonly code: number; readonly info: string };

/** A successful {@link CommandOutcome}, with the payload the get commands put under `Response`. */
export function success(response?: unknown): CommandOutcome {
  return response === undefined ? { ok: true } : { ok: true, response };
}

/** A failed {@link CommandOutcome}. `info` defaults to the catalogue meaning of the code from `@tokenwire/core`. */
export function failure(code: number, info?: string): CommandOutcome & { readonly ok: false } {
  return { ok: false, code, info: info ?? describeErrorCode(code).meaning };
}

/**
 * Builds the HTTP answer of the real service: status 200 and a JSON envelope for successes and failures alike
 * (Tencent uses HTTP errors only for gateway failures). `Response` is present only when the outcome has one.
 *
 * @example
 * ```ts
 * envelopeResponse(success({ Token: 't', IsTokenEnable: true }), 'Id-…-O-Seq-1');
 * ```
 */
export function envelopeResponse(outcome: CommandOutcome, requestId: string): Response {
  const body: TencentEnvelopeBody = outcome.ok
    ? {
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
        RequestId: requestId,
        ...(outcome.response === undefined ? {} : { Response: outcome.response }),
      }
    : { ActionStatus: 'FAIL', ErrorCode: outcome.code, ErrorInfo: outcome.info, RequestId: requestId };
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
