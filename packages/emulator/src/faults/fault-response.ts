import { describeErrorCode, type RandomUint32Source } from '@tokenwire/core';
import type { RouteInfo } from '../route.js';
import { createRequestIdGenerator, type RequestIdGenerator } from '../tencent/request-id.js';
import type { AppliedFault } from './fault-injector.js';

const DROPPED = Symbol.for('tokenwire.emulator.droppedConnection');

/** True when `error` is the rejection of a `drop-connection` fault. */
export function isDroppedConnection(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[DROPPED] === true;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The HTML error page a gateway (nginx) shows for a status. */
export function gatewayPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });

const resultField = (route: RouteInfo): string => (route.path.endsWith('/uploadFileStream') ? 'returnCode' : 'resultCode');

/** Builds fault answers; one per emulator, so Tencent `RequestId`s of fault envelopes have their own sequence. */
export interface FaultResponder {
  /**
   * The answer a terminal fault gives instead of the real one. Throws the `TypeError` a real `fetch` throws
   * for a `drop-connection` fault.
   */
  respond(applied: AppliedFault, route: RouteInfo, signal: AbortSignal): Response;
}

/** Options of {@link createFaultResponder}. */
export interface FaultResponderOptions {
  /** A custom API Fabric token path (besides everything under `/apigovernance/`). */
  readonly fabricTokenPath?: string;
  /** Generator of the `RequestId`s of Tencent fault envelopes. */
  readonly nextRequestId?: RequestIdGenerator;
  /** The random source of the default `RequestId` generator. */
  readonly random?: RandomUint32Source;
}

/** Creates a {@link FaultResponder}. */
export function createFaultResponder(options: FaultResponderOptions = {}): FaultResponder {
  const nextRequestId = options.nextRequestId ?? createRequestIdGenerator(1, options.random);
  const isFabric = (route: RouteInfo): boolean =>
    route.kind === 'aicc' && (route.path.startsWith('/apigovernance/') || route.path === options.fabricTokenPath);
  const tencentEnvelope = (code: number): Response =>
    json({ ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: describeErrorCode(code).meaning, RequestId: nextRequestId() });

  /** A plausible success body of the route, to truncate or stall. */
  const plausibleBody = (route: RouteInfo): string =>
    route.kind === 'aicc'
      ? JSON.stringify(
          isFabric(route) ? { AccessToken: '', ApplyType: 'Bearer', Expires: '600' } : { [resultField(route)]: '0', resultDesc: 'success' },
        )
      : JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RequestId: nextRequestId() });

  return {
    respond({ name, fault }, route, signal) {
      switch (fault.kind) {
        case 'http-status': {
          const status = fault.status ?? 502;
          return new Response(fault.body ?? gatewayPage(status), {
            status,
            statusText: STATUS_TEXT[status] ?? '',
            headers: { 'content-type': 'text/html', server: 'nginx' },
          });
        }
        case 'transient':
          if (route.kind !== 'aicc') return tencentEnvelope(fault.code ?? 100001);
          if (isFabric(route))
            return json({ errorCode: '10010000500', exceptionInfo: 'internal server error, please try again later' }, 500);
          return json({ [resultField(route)]: '13', resultDesc: 'Exception appeared!' });
        case 'rate-limit':
          if (route.kind !== 'aicc') return tencentEnvelope(fault.code ?? 60018);
          if (isFabric(route)) return json({ errorCode: '10010000002', exceptionInfo: 'interface flow control failure' }, 429);
          return json({ [resultField(route)]: '10010000002', resultDesc: 'interface flow control failure' });
        case 'malformed-json': {
          const body = plausibleBody(route);
          return new Response(body.slice(0, Math.ceil(body.length * 0.6)), { status: 200, headers: JSON_HEADERS });
        }
        case 'stall-body': {
          const body = plausibleBody(route);
          const head = new TextEncoder().encode(body.slice(0, Math.ceil(body.length / 2)));
          const stream = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(head);
              const fail = (): void => {
                try {
                  controller.error(signal.reason);
                } catch {
                  // already cancelled by the reader
                }
              };
              if (signal.aborted) fail();
              else signal.addEventListener('abort', fail, { once: true });
            },
          });
          return new Response(stream, { status: 200, headers: JSON_HEADERS });
        }
        case 'drop-connection': {
          const error = new TypeError('fetch failed', {
            cause: new Error(`connection dropped by the emulator (fault "${name}")`),
          });
          Object.defineProperty(error, DROPPED, { value: true });
          throw error;
        }
        case 'latency':
          throw new TypeError('a latency fault has no answer of its own');
      }
    },
  };
}
