import * as v from 'valibot';
import { TencentApiError } from '../errors/tencent-api-error.js';
import type { ErrorContext, TokenwireErrorOptions } from '../errors/tokenwire-error.js';
import { MalformedResponseError } from '../errors/transport-errors.js';
import { redactSecrets } from '../redact.js';
import type { TencentEnvelope, TencentEnvelopeSchema } from './envelope-schema.js';

/**
 * The context without `retryable` or `cause`, so a caller's object that happens to carry them (say a spread
 * options bag) cannot change how the error is classified.
 */
function contextFields(context: ErrorContext, requestId = context.requestId): ErrorContext {
  const { retryable: _retryable, cause: _cause, ...fields } = context as TokenwireErrorOptions;
  return { ...fields, requestId };
}

/**
 * Describes schema issues by path and expectation only. The received values are left out on purpose: a payload
 * such as `get_callback_token`'s carries the callback token.
 */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
      const expected = `expected ${issue.expected ?? issue.type}`;
      return path ? `${path}: ${expected}` : expected;
    })
    .join('; ');
}

/** Names the first envelope field that `value` gets wrong, like the schema's issue would; `undefined` when none. */
function envelopeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected Object';
  const record = value as Record<string, unknown>;
  const status = record['ActionStatus'];
  if (status !== 'OK' && status !== 'FAIL') return 'ActionStatus: expected ("OK" | "FAIL")';
  if (!Number.isInteger(record['ErrorCode']))
    return typeof record['ErrorCode'] === 'number' && !Number.isNaN(record['ErrorCode'])
      ? 'ErrorCode: expected integer'
      : 'ErrorCode: expected number';
  if (record['ErrorInfo'] !== undefined && typeof record['ErrorInfo'] !== 'string') return 'ErrorInfo: expected (string | undefined)';
  if (record['RequestId'] !== undefined && typeof record['RequestId'] !== 'string') return 'RequestId: expected (string | undefined)';
  return undefined;
}

/**
 * Reads a decoded JSON body as a Tencent response envelope. It does not judge success; pair it with
 * {@link assertEnvelopeSuccess}. It accepts exactly what {@link TencentEnvelopeSchema} accepts (a property
 * test holds the two together) but checks the four fields directly: this runs on every response, so it
 * stays off valibot's generic path, which matters for throughput and for browser bundle size.
 *
 * @param value - the decoded JSON body.
 * @param context - request context to attach to the error (service, command, random, status).
 * @throws {@link MalformedResponseError} when `value` is not an envelope (missing or mistyped
 *   `ActionStatus`/`ErrorCode`, wrong `ErrorInfo`/`RequestId` type, not an object).
 * @example
 * ```ts
 * const envelope = parseEnvelope(await response.json(), { service: 'live_config', command: 'get_callback' });
 * assertEnvelopeSuccess(envelope, { service: 'live_config', command: 'get_callback' });
 * ```
 */
export function parseEnvelope(value: unknown, context: ErrorContext = {}): TencentEnvelope {
  const problem = envelopeProblem(value);
  if (problem === undefined) {
    const envelope = value as TencentEnvelope;
    return envelope.ErrorInfo === undefined ? { ...envelope, ErrorInfo: '' } : { ...envelope };
  }
  const requestId =
    typeof value === 'object' && value !== null && typeof (value as { RequestId?: unknown }).RequestId === 'string'
      ? (value as { RequestId: string }).RequestId
      : context.requestId;
  throw new MalformedResponseError(`Tencent response is not a valid envelope: ${problem}`, contextFields(context, requestId));
}

/**
 * Throws unless the envelope reports success, that is `ErrorCode === 0` and `ActionStatus === "OK"`.
 *
 * @param envelope - a parsed envelope from {@link parseEnvelope}.
 * @param context - request context to attach to the error; the envelope's `RequestId` wins over
 *   `context.requestId`.
 * @param secrets - values the server might echo back in `ErrorInfo` (the UserSig sent, the secret key); each
 *   occurrence is replaced by `***` in the error's `info` and message.
 * @throws {@link TencentApiError} when `ErrorCode` is not `0` (carrying `code`, `info`, `requestId` and the context).
 * @throws {@link MalformedResponseError} when the envelope contradicts itself: `ActionStatus: "FAIL"` with
 *   `ErrorCode: 0`.
 * @example
 * ```ts
 * assertEnvelopeSuccess(envelope, { service: 'live_config', command: 'get_callback' }, [userSig, secretKey]);
 * ```
 */
export function assertEnvelopeSuccess(
  envelope: TencentEnvelope,
  context: ErrorContext = {},
  secrets: readonly (string | undefined)[] = [],
): void {
  if (envelope.ErrorCode === 0 && envelope.ActionStatus === 'OK') return;
  const fields = contextFields(context, envelope.RequestId ?? context.requestId);
  const info = redactSecrets(envelope.ErrorInfo, secrets);
  if (envelope.ErrorCode !== 0) throw new TencentApiError({ ...fields, code: envelope.ErrorCode, info });
  throw new MalformedResponseError(
    `Tencent response is inconsistent: ActionStatus is FAIL but ErrorCode is 0${info ? ` (${info})` : ''}`,
    fields,
  );
}

/**
 * Validates the payload a LiveKit `get_*` command nests under `Response` and returns it.
 *
 * @param envelope - a parsed, successful envelope.
 * @param responseSchema - the valibot schema of the `Response` object.
 * @param context - request context to attach to the error.
 * @throws {@link MalformedResponseError} when `Response` is missing or does not match the schema. The message
 *   names the offending fields but never their values (a `Response` may hold the callback token).
 * @example
 * ```ts
 * const token = parseEnvelopeResponse(envelope, v.object({ Token: v.string() }));
 * ```
 */
export function parseEnvelopeResponse<TSchema extends v.GenericSchema>(
  envelope: TencentEnvelope,
  responseSchema: TSchema,
  context: ErrorContext = {},
): v.InferOutput<TSchema> {
  const fields = contextFields(context, envelope.RequestId ?? context.requestId);
  if (!Object.hasOwn(envelope, 'Response')) {
    throw new MalformedResponseError('Tencent response has no Response object', fields);
  }
  const result = v.safeParse(responseSchema, (envelope as Record<string, unknown>)['Response']);
  if (result.success) return result.output;
  throw new MalformedResponseError(`Tencent response has an unexpected Response: ${describeIssues(result.issues)}`, fields);
}
