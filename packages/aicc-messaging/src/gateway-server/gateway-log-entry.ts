/**
 * A line the gateway logs for its operator (through the `log` option): names, codes and statuses, never a secret,
 * a token or a body.
 *
 * - `aicc.access_token_failed`: API Fabric could not be reached or refused the AK/SK (`error` is the error's name,
 *   `status` API Fabric's HTTP status when it answered); the browser got 502 `upstream_unavailable`.
 * - `internal_error`: the gateway (or the `authenticate` hook) threw (`name` is the error's name; its message is not
 *   logged, as it might quote a credential); the browser got 500 `internal_error`.
 */
export type AiccGatewayLogEntry =
  | { readonly event: 'aicc.access_token_failed'; readonly error: string; readonly status?: number }
  | { readonly event: 'internal_error'; readonly route: string; readonly name: string };
