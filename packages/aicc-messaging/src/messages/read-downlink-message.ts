import * as v from 'valibot';
import { issueText, VALUE_FREE_PARSE_CONFIG } from '@tokenwire/core';
import { DownlinkMessageSchema, type DownlinkMessage } from './downlink-message.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one message AICC delivered, never failing: a message that fits {@link DownlinkMessageSchema} comes out
 * parsed; one that does not comes out with the fields that do not fit left out and `unreadable` set to the message
 * as sent and the reasons (values never quoted). Something that is not an object at all comes out as an empty
 * message (`content` `''`, `isOfflineStatus` `false`) with `unreadable`.
 *
 * @example
 * ```ts
 * const message = readDownlinkMessage(json);
 * if (message.unreadable !== undefined) report(message.unreadable.issues);
 * ```
 */
export function readDownlinkMessage(raw: unknown): DownlinkMessage {
  const result = v.safeParse(DownlinkMessageSchema, raw, VALUE_FREE_PARSE_CONFIG);
  if (result.success) return result.output;
  const issues = result.issues.map(issueText);
  const badFields = new Set(result.issues.map((issue) => issue.path?.[0]?.key).filter((key) => key !== undefined));
  const rest = isRecord(raw) ? Object.fromEntries(Object.entries(raw).filter(([key]) => !badFields.has(key))) : {};
  const repaired = v.safeParse(DownlinkMessageSchema, rest);
  // Every field of the schema is optional, so what is left always fits; the fallback only guards the invariant.
  const base = repaired.success ? repaired.output : v.parse(DownlinkMessageSchema, {});
  return { ...base, unreadable: Object.freeze({ raw, issues: Object.freeze(issues) }) };
}

/**
 * The schema of one entry of a list of downlink messages: accepts anything and reads it with
 * {@link readDownlinkMessage}, so one odd message never fails the list it came in.
 */
export const DownlinkMessageEntrySchema: v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, DownlinkMessage>]> = v.pipe(
  v.unknown(),
  v.transform(readDownlinkMessage),
);
