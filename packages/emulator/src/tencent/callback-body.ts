import { expected, parseInput } from '@tokenwire/core/internal';
import type { KnownCallbackCommand, LiveCallbackBodies } from '@tokenwire/live-config';
import * as v from 'valibot';
import { callbackSample } from './callback-sample.js';

/**
 * The body of a callback `TCommand`, as `emitCallback` and `createSignedCallbackRequest` take it:
 *
 * - for a command tokenwire knows, the body `@tokenwire/live-config` types it as ({@link LiveCallbackBodies}:
 *   what `verifyLiveCallback` hands the receiver), so a body of the wrong shape does not compile;
 * - for any other command (one Tencent adds later, a dialect's spelling), any object;
 * - for every command, raw JSON text, sent byte for byte: integers beyond 2^53 exactly as written (LiveKit sends
 *   such ids), a page's sample as it is ({@link callbackSample}), or a malformed body.
 *
 * An object is sent as JSON with its `CallbackCommand` set to the command, first.
 *
 * @example
 * ```ts
 * const gift: CallbackBody<'Live.CallbackBeforeSendGift'> = { RoomId: 'room-1', GiftWater: { GiftId: 'rose', Coins: 10 } };
 * ```
 */
export type CallbackBody<TCommand extends string = string> =
  | (TCommand extends KnownCallbackCommand ? LiveCallbackBodies[TCommand] : Readonly<Record<string, unknown>>)
  | string;

/**
 * A known callback command with a published sample body: every one but `Live.CallbackBeforeCallBackNotBlock`, the
 * non-blocking switch of the gift callback, of which no body is published.
 */
export type SampledCallbackCommand = Exclude<KnownCallbackCommand, 'Live.CallbackBeforeCallBackNotBlock'>;

/** A JSON number, from where it starts. */
const JSON_NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * JSON text with every integer beyond 2^53 outside strings put in quotes, so that `JSON.parse` keeps its exact
 * digits, as a string — what `verifyLiveCallback` makes of such an identifier.
 */
function quoteLongIntegers(json: string): string {
  let text = '';
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const character = json[index]!;
    if (inString) {
      if (character === '\\') {
        text += json.slice(index, index + 2);
        index++;
        continue;
      }
      inString = character !== '"';
    } else if (character === '"') {
      inString = true;
    } else if (character === '-' || (character >= '0' && character <= '9')) {
      JSON_NUMBER.lastIndex = index;
      const literal = JSON_NUMBER.exec(json)?.[0] ?? character;
      text += /^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal)) ? `"${literal}"` : literal;
      index += literal.length - 1;
      continue;
    }
    text += character;
  }
  return text;
}

/** The `overrides` of {@link callbackBody}: any body fields. */
const OverridesSchema = /* @__PURE__ */ (() =>
  v.optional(
    v.custom<Readonly<Record<string, unknown>>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      expected('must be an object of body fields'),
    ),
    {},
  ))();

/**
 * A typed body of callback `command`, ready for `emitCallback` or `createSignedCallbackRequest`: the newest of
 * Tencent's published samples of the command ({@link callbackSample}), as the object `verifyLiveCallback` makes
 * of it — identifiers beyond 2^53 as strings of their exact digits, the event time as a number — with
 * `overrides` put over its top-level fields (a field set to `undefined` is left out).
 *
 * For the page's exact text, another documented shape or a value inside a nested object of the page, use
 * {@link callbackSample}.
 *
 * @throws `ValidationError` for a command without a published sample or `overrides` that are not an object.
 * @example
 * ```ts
 * const gift = callbackBody('Live.CallbackBeforeSendGift', { RoomId: 'room-1', GiftWater: { GiftId: 'rose', Coins: 10 } });
 * await emulator.tencent.emitCallback('Live.CallbackBeforeSendGift', gift);
 * ```
 */
export function callbackBody<const TCommand extends SampledCallbackCommand>(
  command: TCommand,
  overrides?: Partial<LiveCallbackBodies[TCommand]>,
): LiveCallbackBodies[TCommand] {
  const fields = parseInput(OverridesSchema, overrides, 'callback body overrides');
  const sample = callbackSample(command);
  // The sample, as the object verifyLiveCallback makes of it (callback-body.test.ts checks every command against
  // live-config's schemas): that is the one place its type is asserted.
  const body = JSON.parse(quoteLongIntegers(sample.body)) as LiveCallbackBodies[TCommand];
  const eventTimeKey = sample.dialect.eventTimePath?.length === 1 ? sample.dialect.eventTimePath[0] : undefined;
  const eventTime = eventTimeKey === undefined ? {} : { [eventTimeKey]: sample.eventTime };
  return { ...body, ...eventTime, ...fields };
}
