import { expected, numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import {
  CALLBACK_SAMPLE_DEFINITIONS,
  type CallbackSampleDefinition,
  type CallbackSampleDialect,
  type CallbackSampleDialectId,
  type CallbackSampleField,
} from './callback-sample-dialects.js';

/** Options of {@link callbackSample}. Each value replaces the page's own in the fields the dialect carries. */
export interface CallbackSampleOptions {
  /** Which documented shape; default the command's newest (the first of its {@link CALLBACK_SAMPLE_DIALECTS}). */
  readonly dialect?: CallbackSampleDialectId;
  /** The room id, where the body carries one (`RoomId`, `RoomInfo.RoomId`, `GroupId`, `FromRoomId`, `EventInfo.RoomId` …). */
  readonly roomId?: string;
  /** `Operator_Account`, where the body carries one. */
  readonly operator?: string;
  /** The event time in Unix milliseconds, where the body carries one (`EventTime` wherever the page puts it, `EventInfo.EventMsTs`). */
  readonly eventTime?: number;
  /** `EventCause` of `Live.CallbackAfterMemberStateChanged` (`Kicked`, …); `EventType` follows it. */
  readonly eventCause?: string;
  /** `GiftWater.Coins` of `Live.CallbackBeforeSendGift`. */
  readonly coins?: number;
}

/** A callback body as one of Tencent's pages shows it, ready for `emitCallback`. */
export interface CallbackSample {
  /** The command to emit (and to enable in `CallbackCommandList`). */
  readonly command: string;
  /** The URL's `CallbackCommand`: pass it as `emitCallback`'s `queryCommand` option. Differs from `command` in the `…-table` dialects. */
  readonly queryCommand: string;
  /** The raw JSON body, byte for byte (ids beyond 2^53 stay JSON numbers, as on the pages). */
  readonly body: string;
  /** The documented shape it follows. */
  readonly dialect: CallbackSampleDialect;
  /** The room id the body carries, or `undefined` when this dialect carries none. */
  readonly roomId: string | undefined;
  /** The event time (Unix ms) the body carries, or `undefined` when this dialect carries none (647/64422's create-room body). */
  readonly eventTime: number | undefined;
}

/**
 * Every documented sample shape of every callback (see {@link callbackSample}), newest first within a command: the
 * page(s) and date, what sets it apart, and which values can be chosen. `Live.CallbackBeforeCallBackNotBlock` has
 * none: it is the non-blocking switch of the before-gift callback, and no body of it is published.
 */
export const CALLBACK_SAMPLE_DIALECTS: readonly CallbackSampleDialect[] = /* @__PURE__ */ (() =>
  CALLBACK_SAMPLE_DEFINITIONS.map(({ render: _render, ...dialect }) => dialect))();

function valueAt(body: unknown, path: readonly string[] | undefined): unknown {
  if (path === undefined) return undefined;
  let value = body;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** The values {@link callbackSample} lets you choose. */
const SAMPLE_FIELDS: readonly CallbackSampleField[] = ['roomId', 'operator', 'eventTime', 'eventCause', 'coins'];

/** The documented shapes of `command`, newest first (none for a command without a published body). */
const definitionsOf = (command: unknown): CallbackSampleDefinition[] =>
  CALLBACK_SAMPLE_DEFINITIONS.filter((definition) => definition.command === command);

/** The shape the arguments choose: the dialect named, or the command's newest; `undefined` for a dialect of another command. */
function chosenDefinition(command: unknown, dialect: CallbackSampleDialectId | undefined): CallbackSampleDefinition | undefined {
  const definitions = definitionsOf(command);
  return dialect === undefined ? definitions[0] : definitions.find((definition) => definition.id === dialect);
}

/**
 * The arguments of {@link callbackSample}, checked together: a command with a published body, a dialect of that
 * command, and only the values its body carries. Comes out as the chosen definition and the options.
 */
const CallbackSampleArgumentsSchema = /* @__PURE__ */ (() => {
  const nonEmpty = v.optional(v.pipe(v.string(expected('must be a non-empty string')), v.nonEmpty('must be a non-empty string')));
  const commands = [...new Set(CALLBACK_SAMPLE_DEFINITIONS.map((definition) => definition.command))].join(', ');
  const dialects = CALLBACK_SAMPLE_DEFINITIONS.map((definition) => definition.id);
  const fields = {
    roomId: nonEmpty,
    operator: nonEmpty,
    eventTime: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a non-negative integer of Unix milliseconds', true)),
    eventCause: nonEmpty,
    coins: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a non-negative integer', true)),
  } satisfies Record<CallbackSampleField, v.GenericSchema>;
  const args = v.object({
    command: v.custom<string>(
      (command) => definitionsOf(command).length > 0,
      `has no published sample body (commands with samples: ${commands})`,
    ),
    options: v.optional(
      optionsObject({ dialect: v.optional(v.picklist(dialects, 'must be a callback sample dialect id')), ...fields }, 'an object'),
      {},
    ),
  });
  type Arguments = v.InferOutput<typeof args>;
  /** The path of an option, `options.<key>`, for an issue found after the object was parsed. */
  const optionPath = (input: Arguments, key: keyof Arguments['options']): [v.ObjectPathItem, v.ObjectPathItem] => [
    { type: 'object', origin: 'value', input, key: 'options', value: input.options },
    { type: 'object', origin: 'value', input: input.options, key, value: input.options[key] },
  ];
  return v.pipe(
    args,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const input = dataset.value;
      const { command, options } = input;
      const definition = chosenDefinition(command, options.dialect);
      if (definition === undefined) {
        const ids = definitionsOf(command).map((candidate) => candidate.id);
        addIssue({ message: `is not a dialect of ${command} (its dialects: ${ids.join(', ')})`, path: optionPath(input, 'dialect') });
        return NEVER;
      }
      for (const field of SAMPLE_FIELDS) {
        if (options[field] === undefined || definition.fields.includes(field)) continue;
        const carried = definition.fields.join(', ') || 'none of them';
        addIssue({ message: `is not part of the ${definition.id} body (it carries ${carried})`, path: optionPath(input, field) });
      }
      return { definition, options };
    }),
  );
})();

/**
 * A callback body exactly as one of Tencent's pages shows it (comments removed, the pages' typos such as a
 * missing comma fixed), for tests that must not agree with one reading only: every known command has its
 * documented shapes ("dialects", {@link CALLBACK_SAMPLE_DIALECTS}) — e.g. `Live.CallbackAfterCreateRoom` without
 * `EventTime` (647/64422), with it inside `RoomInfo` (647/110679) or at the top level (647/110523). Choose the
 * room id, operator, event time, … where the dialect's body carries them; everything else is the page's.
 *
 * Emit it with the emulator, passing `queryCommand` on, so the URL carries the command the page's table names.
 *
 * @throws `ValidationError` for a command without a published sample, a dialect of another command, an unknown
 *   option, an option the dialect's body does not carry (`eventTime` for 647/64422), or a mistyped value.
 * @example
 * ```ts
 * for (const dialect of CALLBACK_SAMPLE_DIALECTS.filter((d) => d.command === 'Live.CallbackAfterCreateRoom')) {
 *   const sample = callbackSample(dialect.command, { dialect: dialect.id, roomId: 'room-1' });
 *   await emulator.tencent.emitCallback(sample.command, sample.body, { queryCommand: sample.queryCommand });
 * }
 * ```
 */
export function callbackSample(command: string, sampleOptions?: CallbackSampleOptions): CallbackSample {
  const { definition, options } = parseInput(CallbackSampleArgumentsSchema, { command, options: sampleOptions }, 'callback sample');
  const body = definition.render({
    roomId: options.roomId,
    operator: options.operator,
    eventTime: options.eventTime,
    eventCause: options.eventCause,
    coins: options.coins,
  });
  const parsed: unknown = JSON.parse(body);
  const roomId = valueAt(parsed, definition.roomIdPath);
  const eventTime = valueAt(parsed, definition.eventTimePath);
  const { render: _render, ...dialect } = definition;
  return {
    command: definition.command,
    queryCommand: definition.queryCommand,
    body,
    dialect,
    roomId: typeof roomId === 'string' ? roomId : undefined,
    eventTime: typeof eventTime === 'number' ? eventTime : typeof eventTime === 'string' ? Number(eventTime) : undefined,
  };
}
