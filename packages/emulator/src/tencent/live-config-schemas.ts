import * as v from 'valibot';
import { failure, type CommandOutcome } from './envelope-response.js';

/** Whether `value` is an absolute http(s) URL, the only kind of callback URL Tencent accepts. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}

const UrlSchema = /* @__PURE__ */ (() => v.pipe(v.string(), v.check(isHttpUrl)))();
const CallbackCommandListSchema = /* @__PURE__ */ (() => v.array(v.string()))();
const TokenSchema = /* @__PURE__ */ (() => v.pipe(v.string(), v.minLength(1), v.maxLength(128)))();
const IsTokenEnableSchema = /* @__PURE__ */ (() => v.boolean())();

/** Body of `set_callback` and `update_callback`: both fields are required. */
export const CallbackConfigurationBodySchema = /* @__PURE__ */ (() =>
  v.object({ Url: UrlSchema, CallbackCommandList: CallbackCommandListSchema }))();
/** A valid `set_callback` / `update_callback` body. */
export type CallbackConfigurationBody = v.InferOutput<typeof CallbackConfigurationBodySchema>;

/** Body of the first `set_callback_token` of an app: both fields are required. */
export const CallbackTokenCreateBodySchema = /* @__PURE__ */ (() => v.object({ Token: TokenSchema, IsTokenEnable: IsTokenEnableSchema }))();
/** A valid first `set_callback_token` body. */
export type CallbackTokenCreateBody = v.InferOutput<typeof CallbackTokenCreateBodySchema>;

/** Body of a later `set_callback_token`: only the fields to change. */
export const CallbackTokenUpdateBodySchema = /* @__PURE__ */ (() =>
  v.object({
    Token: v.optional(TokenSchema),
    IsTokenEnable: v.optional(IsTokenEnableSchema),
  }))();
/** A valid later `set_callback_token` body. */
export type CallbackTokenUpdateBody = v.InferOutput<typeof CallbackTokenUpdateBodySchema>;

/** What `ErrorInfo` says about each field when it is missing or wrong. */
const FIELD_RULES: Readonly<Record<string, string>> = {
  Url: 'Url is required and must be a string starting with http:// or https://',
  CallbackCommandList: 'CallbackCommandList is required and must be an array of strings',
  Token: 'Token must be a string of 1 to 128 characters',
  IsTokenEnable: 'IsTokenEnable must be a boolean',
};

/**
 * Validates a command body. Returns the typed body, or a 100002 failure whose `ErrorInfo` names every bad
 * field. Unknown fields are ignored, as the real service does.
 */
export function parseCommandBody<TSchema extends v.GenericSchema>(
  schema: TSchema,
  body: Record<string, unknown>,
): { readonly ok: true; readonly value: v.InferOutput<TSchema> } | (CommandOutcome & { readonly ok: false }) {
  const result = v.safeParse(schema, body, { abortEarly: false });
  if (result.success) return { ok: true, value: result.output };
  const fields = new Set<string>();
  for (const issue of result.issues) {
    const key = issue.path?.[0]?.key;
    if (typeof key === 'string') fields.add(key);
  }
  const rules = [...fields].map((field) => FIELD_RULES[field] ?? `${field} is invalid`);
  return failure(100002, `invalid parameter: ${rules.join('; ')}`);
}
