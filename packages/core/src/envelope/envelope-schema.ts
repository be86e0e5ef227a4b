import * as v from 'valibot';

/*
 * The `@__PURE__` annotations let bundlers drop these module-level schema constructions (and valibot with
 * them) from bundles that never use the envelope, e.g. callback verification alone.
 */

/**
 * The entries of {@link TencentEnvelopeSchema}: the four envelope fields every Tencent REST response carries,
 * `ActionStatus`, `ErrorCode`, `ErrorInfo` (defaults to `''`) and `RequestId`. Schemas built by
 * {@link envelopeWithResponse} have them too, next to `Response`.
 */
export type TencentEnvelopeEntries = {
  readonly ActionStatus: v.PicklistSchema<['OK', 'FAIL'], undefined>;
  readonly ErrorCode: v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>]>;
  readonly ErrorInfo: v.OptionalSchema<v.StringSchema<undefined>, ''>;
  readonly RequestId: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
};

/** The four envelope fields every Tencent REST response carries, shared by both envelope schemas. */
const envelopeEntries: TencentEnvelopeEntries = /* @__PURE__ */ (() => ({
  ActionStatus: v.picklist(['OK', 'FAIL']),
  ErrorCode: v.pipe(v.number(), v.integer()),
  ErrorInfo: v.optional(v.string(), ''),
  RequestId: v.optional(v.string()),
}))();

/**
 * The response envelope of every Tencent REST call: `ActionStatus` (`OK`/`FAIL`), `ErrorCode` (`0` on
 * success), `ErrorInfo` (defaults to `''`) and `RequestId` (quote it to Tencent support). It is a loose object:
 * classic IM APIs put their payload fields next to the envelope fields, and those pass through untouched.
 * Exported as a schema (the rest of tokenwire exports types) because users compose it: to read the answers of
 * calls made without the client, or to extend it for an API tokenwire does not wrap.
 *
 * @example
 * ```ts
 * const envelope = v.parse(TencentEnvelopeSchema, await response.json());
 * if (envelope.ErrorCode !== 0) console.warn(envelope.ErrorInfo, envelope.RequestId);
 * ```
 */
export const TencentEnvelopeSchema: v.LooseObjectSchema<TencentEnvelopeEntries, undefined> = /* @__PURE__ */ (() =>
  v.looseObject(envelopeEntries))();

/** A parsed Tencent response envelope, with any payload fields kept alongside. */
export type TencentEnvelope = v.InferOutput<typeof TencentEnvelopeSchema>;

/**
 * Builds an envelope schema whose payload is nested under `Response`, as the LiveKit `get_*` commands
 * (`get_callback`, `get_callback_token`) answer. `Response` is required and validated by `responseSchema`;
 * other extra fields still pass through. Exported for users who compose their own command's answer schema.
 *
 * @example
 * ```ts
 * const GetCallbackTokenSchema = envelopeWithResponse(v.object({ Token: v.string(), IsTokenEnable: v.boolean() }));
 * const parsed = v.parse(GetCallbackTokenSchema, body);
 * parsed.Response.Token;
 * ```
 */
export function envelopeWithResponse<TResponse extends v.GenericSchema>(
  responseSchema: TResponse,
): v.LooseObjectSchema<TencentEnvelopeEntries & { readonly Response: TResponse }, undefined> {
  return v.looseObject({ ...envelopeEntries, Response: responseSchema });
}
