/** Which emulated upstream a request is addressed to, judged from its path alone. */
export type RouteKind = 'tencent' | 'aicc' | 'other';

/**
 * Where a request is going, as the emulator's faults and request log see it.
 *
 * - Tencent REST (`/v4/{service}/{command}`): `name` is `service/command`, e.g. `live_config/set_callback`.
 * - AICC (`/apiaccess/…`, `/apigovernance/…`): `name` is the path, e.g. `/apiaccess/ccmessaging/send`.
 * - Anything else: `name` is the path.
 */
export interface RouteInfo {
  readonly kind: RouteKind;
  /** `service/command` for Tencent routes, the URL path for the others. */
  readonly name: string;
  /** The URL path, e.g. `/v4/live_config/get_callback`. */
  readonly path: string;
  /** Tencent REST service name, e.g. `live_config` (Tencent routes only). */
  readonly service?: string;
  /** Tencent REST command, e.g. `get_callback` (Tencent routes only). */
  readonly command?: string;
}

/**
 * A Tencent REST path: `/v4/{service}/{command}`, exactly two segments and no trailing slash, taken as sent (not
 * percent-decoded). The emulated Tencent service reads paths with the same pattern, so faults and the log name a
 * request the way the service understands it.
 */
const TENCENT_PATH = /^\/v4\/([^/]+)\/([^/]+)$/;
const AICC_PATH = /^\/(apiaccess|apigovernance)(\/|$)/;
const NO_PATHS: ReadonlySet<string> = /* @__PURE__ */ (() => new Set())();

/**
 * Describes the route of a URL. `aiccPaths` lists further paths that belong to AICC (a custom API Fabric token
 * path).
 *
 * @example
 * ```ts
 * describeRoute(new URL('https://console.tim.qq.com/v4/live_config/get_callback?sdkappid=1'));
 * // { kind: 'tencent', name: 'live_config/get_callback', path: '/v4/live_config/get_callback', service: 'live_config', command: 'get_callback' }
 * ```
 */
export function describeRoute(url: URL, aiccPaths: ReadonlySet<string> = NO_PATHS): RouteInfo {
  const path = url.pathname;
  const tencent = parseTencentPath(path);
  if (tencent !== undefined) return { kind: 'tencent', name: `${tencent.service}/${tencent.command}`, path, ...tencent };
  if (AICC_PATH.test(path) || aiccPaths.has(path)) return { kind: 'aicc', name: path, path };
  return { kind: 'other', name: path, path };
}

/**
 * The `service` and `command` of a Tencent REST path (`/v4/live_config/get_callback`), or `undefined` for any other
 * path, including one with a trailing slash. Segments are taken as sent, without percent-decoding.
 */
export function parseTencentPath(path: string): { readonly service: string; readonly command: string } | undefined {
  const match = TENCENT_PATH.exec(path);
  return match === null ? undefined : { service: match[1]!, command: match[2]! };
}
