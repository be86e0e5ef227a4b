import * as v from 'valibot';
import { issueText, VALUE_FREE_PARSE_CONFIG } from '@tokenwire/core/internal';

/** What AICC sent for a message (polled, pushed or from the history) that its schema does not accept as it is. */
export interface UnreadableMessage {
  /** The message exactly as AICC sent it. */
  readonly raw: unknown;
  /** Which fields do not fit and why, as `field: reason` (values are never quoted). */
  readonly issues: readonly string[];
}

/** A message AICC returns, as {@link readMessageLeniently} outputs it: `unreadable` set when it did not fit. */
interface LenientMessage {
  readonly unreadable?: UnreadableMessage | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one message AICC returned with `schema`, never failing: a message that fits comes out parsed; one that does
 * not comes out with the top-level fields that do not fit left out and `unreadable` set to the message as sent and
 * the reasons (values never quoted). Something that is not an object at all comes out as `schema`'s empty message
 * (every field at its default) with `unreadable`. `schema` must be an object schema whose fields are all optional,
 * so that `{}` and any message with the fields that do not fit left out fit it.
 *
 * @example
 * ```ts
 * const message = readMessageLeniently(HistoryMessageSchema, json);
 * if (message.unreadable !== undefined) report(message.unreadable.issues);
 * ```
 *
 * @internal
 */
export function readMessageLeniently<TMessage extends LenientMessage>(schema: v.GenericSchema<unknown, TMessage>, raw: unknown): TMessage {
  // An array would pass an object schema (as a message with fields "0", "1", …): it is not a message either.
  if (!isRecord(raw)) return unreadable(schema, {}, raw, [NOT_AN_OBJECT]);
  const result = v.safeParse(schema, raw, VALUE_FREE_PARSE_CONFIG);
  if (result.success) return result.output;
  const badFields = new Set(result.issues.map((issue) => issue.path?.[0]?.key).filter((key) => key !== undefined));
  const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => !badFields.has(key)));
  return unreadable(schema, rest, raw, result.issues.map(issueText));
}

/** What a message that is not an object at all is told. */
const NOT_AN_OBJECT = 'must be an object';

/** `rest` (what fits of `raw`) parsed with `schema`, with `unreadable` set to `raw` and `issues`. */
function unreadable<TMessage extends LenientMessage>(
  schema: v.GenericSchema<unknown, TMessage>,
  rest: Record<string, unknown>,
  raw: unknown,
  issues: readonly string[],
): TMessage {
  const repaired = v.safeParse(schema, rest, VALUE_FREE_PARSE_CONFIG);
  // Every field of the schema is optional, so what is left always fits; the fallback only guards the invariant.
  const base = (repaired.success ? repaired : v.safeParse(schema, {}, VALUE_FREE_PARSE_CONFIG)).output as TMessage;
  return { ...base, unreadable: Object.freeze({ raw, issues: Object.freeze([...issues]) }) };
}

/**
 * The schema of one entry of a list of messages: accepts anything and reads it with {@link readMessageLeniently},
 * so one odd message never fails the list it came in.
 *
 * @internal
 */
export function lenientMessageEntry<TMessage extends LenientMessage>(
  schema: v.GenericSchema<unknown, TMessage>,
): v.GenericSchema<unknown, TMessage> {
  return v.pipe(
    v.unknown(),
    v.transform((raw) => readMessageLeniently(schema, raw)),
  );
}
