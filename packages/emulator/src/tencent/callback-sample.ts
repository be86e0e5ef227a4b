import { ValidationError, type ValidationIssue } from '@tokenwire/core';
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
export const CALLBACK_SAMPLE_DIALECTS: readonly CallbackSampleDialect[] = CALLBACK_SAMPLE_DEFINITIONS.map(
  ({ render: _render, ...dialect }) => dialect,
);

const FIELD_CHECKS: Readonly<Record<CallbackSampleField, (value: unknown) => string | undefined>> = {
  roomId: (value) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'),
  operator: (value) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'),
  eventTime: (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
      ? undefined
      : 'must be a non-negative integer of Unix milliseconds',
  eventCause: (value) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'),
  coins: (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? undefined : 'must be a non-negative integer'),
};

function valueAt(body: unknown, path: readonly string[] | undefined): unknown {
  if (path === undefined) return undefined;
  let value = body;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function choose(command: unknown, options: CallbackSampleOptions): CallbackSampleDefinition {
  const issues: ValidationIssue[] = [];
  const definitions = CALLBACK_SAMPLE_DEFINITIONS.filter((definition) => definition.command === command);
  if (definitions.length === 0) {
    const commands = [...new Set(CALLBACK_SAMPLE_DEFINITIONS.map((definition) => definition.command))].join(', ');
    throw new ValidationError('callback sample', [
      { path: 'command', message: `has no published sample body (commands with samples: ${commands})` },
    ]);
  }
  if (typeof options !== 'object' || options === null)
    throw new ValidationError('callback sample', [{ path: 'options', message: 'must be an object' }]);
  const { dialect, ...values } = options as CallbackSampleOptions & Record<string, unknown>;
  const definition = dialect === undefined ? definitions[0]! : definitions.find((candidate) => candidate.id === dialect);
  if (definition === undefined) {
    throw new ValidationError('callback sample', [
      {
        path: 'dialect',
        message: `is not a dialect of ${String(command)} (its dialects: ${definitions.map((candidate) => candidate.id).join(', ')})`,
      },
    ]);
  }
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(FIELD_CHECKS, key)) {
      issues.push({ path: key, message: 'is not a known option (expected dialect, roomId, operator, eventTime, eventCause or coins)' });
    } else if (!definition.fields.includes(key as CallbackSampleField)) {
      issues.push({
        path: key,
        message: `is not part of the ${definition.id} body (it carries ${definition.fields.join(', ') || 'none of them'})`,
      });
    } else {
      const problem = FIELD_CHECKS[key as CallbackSampleField](value);
      if (problem !== undefined) issues.push({ path: key, message: problem });
    }
  }
  if (issues.length > 0) throw new ValidationError('callback sample', issues);
  return definition;
}

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
export function callbackSample(command: string, options: CallbackSampleOptions = {}): CallbackSample {
  const definition = choose(command, options);
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
