import { numberIn, optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { NonEmptyCheck } from '../input/non-empty.js';
import { utf8ByteLength } from '../input/text-measures.js';
import type { UplinkMediaType } from './enumerations.js';

/** Largest `content` of a message a client sends, in UTF-8 bytes (AICC: "TEXT ≤ 1 KB"). */
export const MAX_MESSAGE_CONTENT_BYTES = 1024;

/** Media types whose content is an `objectKey` from `uploadFile` (with an optional extension). */
export const OBJECT_KEY_MEDIA_TYPES = ['IMAGE', 'AUDIO', 'VIDEO', 'FILE_IMAGE', 'FILE_VIDEO'] as const;

/** `mediaType` of an image, audio or video message. */
export type ObjectKeyMediaType = (typeof OBJECT_KEY_MEDIA_TYPES)[number];

/** `mediaFileType` values of a WEBCARD. */
export const WEBCARD_MEDIA_FILE_TYPES = ['img', 'img/png', 'img/jpg'] as const;

/** A text message (also accepted as a bare string): at most 1 KB as UTF-8. */
export interface TextMessage {
  readonly mediaType: 'TEXT';
  readonly text: string;
}

/** An image, audio or video message, by the `objectKey` of an uploaded file (`sendFile` uploads and sends one). */
export interface MediaMessage {
  readonly mediaType: ObjectKeyMediaType;
  /** From `uploadFile`. */
  readonly objectKey: string;
  /** The file's extension (`jpg`, `mp4`), sent as `objectKey,extension` as AICC's examples do. */
  readonly extension?: string | undefined;
}

/** A file attachment, sent as `fileName,fileSize,fileId,fileType` (`sendFile` uploads and sends one). */
export interface FileMessage {
  readonly mediaType: 'FILE';
  readonly fileName: string;
  /** From `uploadFile`. */
  readonly objectKey: string;
  /** Size in bytes. */
  readonly fileSize: number;
  /** The file's extension, e.g. `txt`. */
  readonly fileType: string;
}

/** A card with a title, text, image and link; needs `redirectUrl` or `mediaFileId`. */
export interface WebCardMessage {
  readonly mediaType: 'WEBCARD';
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly mediaFileId?: string | undefined;
  readonly mediaFileType?: (typeof WEBCARD_MEDIA_FILE_TYPES)[number] | undefined;
  readonly redirectUrl?: string | undefined;
}

/** A location. Huawei does not document the uplink format; `content` is sent as given. */
export interface LocationMessage {
  readonly mediaType: 'LOCATE';
  readonly content: string;
}

/** What `session.send` accepts: a string (TEXT) or one of the typed messages. */
export type OutgoingMessage = string | TextMessage | MediaMessage | FileMessage | WebCardMessage | LocationMessage;

/** A validated {@link OutgoingMessage}: its media type and the content to send. */
export interface PreparedMessage {
  readonly mediaType: UplinkMediaType;
  readonly content: string;
}

/** Whether content fits the 1 KB limit, in UTF-8 bytes. @internal */
export const contentFits = (content: string): boolean => utf8ByteLength(content) <= MAX_MESSAGE_CONTENT_BYTES;

const noComma = (name: string) =>
  v.pipe(
    v.string('must be a string'),
    NonEmptyCheck,
    v.check((text) => !text.includes(','), `must not contain a comma (${name} is comma-separated)`),
  );
const extension = /* @__PURE__ */ (() =>
  v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9]{1,10}$/, 'must be 1–10 letters or digits, e.g. jpg')))();

/** A FILE message's `fileName`: not empty, no comma, at most 512 bytes as UTF-8. @internal */
export const FileNameSchema = /* @__PURE__ */ (() =>
  v.pipe(
    noComma('FILE content'),
    v.check((text) => utf8ByteLength(text) <= 512, 'must be at most 512 bytes as UTF-8'),
  ))();

const TextMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      mediaType: v.picklist(['TEXT']),
      text: v.pipe(
        v.string('must be a string'),
        NonEmptyCheck,
        v.check(contentFits, `must be at most ${MAX_MESSAGE_CONTENT_BYTES} bytes as UTF-8`),
      ),
    },
    'a text message',
  ))();

const MediaMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    { mediaType: v.picklist(OBJECT_KEY_MEDIA_TYPES), objectKey: noComma('the content'), extension: v.optional(extension) },
    'a media message',
  ))();

const FileMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      mediaType: v.picklist(['FILE']),
      fileName: FileNameSchema,
      objectKey: noComma('FILE content'),
      fileSize: numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number of bytes, not negative', true),
      fileType: extension,
    },
    'a file message',
  ))();

const optionalText = /* @__PURE__ */ (() => v.optional(v.string('must be a string')))();

const WebCardMessageSchema = /* @__PURE__ */ (() =>
  v.pipe(
    optionsObject(
      {
        mediaType: v.picklist(['WEBCARD']),
        title: optionalText,
        description: optionalText,
        mediaFileId: optionalText,
        mediaFileType: v.optional(v.picklist(WEBCARD_MEDIA_FILE_TYPES, `must be one of ${WEBCARD_MEDIA_FILE_TYPES.join(', ')}`)),
        redirectUrl: optionalText,
      },
      'a web card message',
    ),
    v.check((card) => !!(card.redirectUrl || card.mediaFileId), 'a WEBCARD needs redirectUrl or mediaFileId'),
  ))();

const LocationMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    { mediaType: v.picklist(['LOCATE']), content: v.pipe(v.string('must be a string'), NonEmptyCheck) },
    'a location message',
  ))();

/** A typed message's schema. */
type MessageSchema =
  | typeof TextMessageSchema
  | typeof MediaMessageSchema
  | typeof FileMessageSchema
  | typeof WebCardMessageSchema
  | typeof LocationMessageSchema;

/** The schema of each `mediaType`. */
const MESSAGE_SCHEMAS: Readonly<Record<string, MessageSchema>> = /* @__PURE__ */ (() => ({
  TEXT: TextMessageSchema,
  ...Object.fromEntries(OBJECT_KEY_MEDIA_TYPES.map((mediaType) => [mediaType, MediaMessageSchema])),
  FILE: FileMessageSchema,
  WEBCARD: WebCardMessageSchema,
  LOCATE: LocationMessageSchema,
}))();

const NOT_A_MESSAGE =
  'must be a string, or an object whose mediaType is TEXT, IMAGE, AUDIO, VIDEO, FILE_IMAGE, FILE_VIDEO, FILE, WEBCARD or LOCATE';

/** What is no message at all (reported as a whole). */
const NotAMessageSchema = /* @__PURE__ */ (() => v.custom<never>(() => false, NOT_A_MESSAGE))();

/** An object whose `mediaType` names no message (reported at `mediaType`). */
const UnknownMediaTypeSchema = /* @__PURE__ */ (() => v.looseObject({ mediaType: NotAMessageSchema }, NOT_A_MESSAGE))();

/** A message with a `file` to upload (reported at `file`): `send` does not upload, `sendFile` does. */
const FileToSendSchema = /* @__PURE__ */ (() =>
  v.looseObject({
    file: v.custom<never>(() => false, 'send does not upload: sendFile(session, message) uploads the file and sends the message'),
  }))();

/** The schema `input`'s `mediaType` names: valibot's `variant` for one key, without its bytes. */
function messageSchemaOf(input: unknown): MessageSchema | typeof NotAMessageSchema {
  if (typeof input !== 'object' || input === null) return NotAMessageSchema;
  // Their output type is never, like NotAMessageSchema's: they accept nothing.
  if ('file' in input) return FileToSendSchema as unknown as typeof NotAMessageSchema;
  const { mediaType } = input as { readonly mediaType?: unknown };
  if (typeof mediaType === 'string' && Object.hasOwn(MESSAGE_SCHEMAS, mediaType)) return MESSAGE_SCHEMAS[mediaType]!;
  return UnknownMediaTypeSchema as unknown as typeof NotAMessageSchema;
}

/**
 * The schema of an {@link OutgoingMessage}: a string (TEXT) or `{ mediaType, … }`. Content must fit in 1 KB as
 * UTF-8; object keys and file names must not contain commas (AICC's content formats are comma-separated); a `file`
 * to upload is refused (that is `sendFile`'s). It outputs the message as an object, for {@link prepareMessage}.
 */
export const OutgoingMessageSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.unknown(),
    // A bare string is a TEXT message; its problems are then reported under `text`.
    v.transform((input) => (typeof input === 'string' ? { mediaType: 'TEXT', text: input } : input)),
    v.lazy(messageSchemaOf),
  ))();

/**
 * Turns a validated message into its `mediaType` and `content`.
 *
 * @internal
 */
export function prepareMessage(message: v.InferOutput<typeof OutgoingMessageSchema>): PreparedMessage {
  switch (message.mediaType) {
    case 'TEXT':
      return { mediaType: 'TEXT', content: message.text };
    case 'LOCATE':
      return { mediaType: 'LOCATE', content: message.content };
    case 'WEBCARD': {
      const { mediaType, ...card } = message;
      return { mediaType, content: JSON.stringify(card) };
    }
    case 'FILE':
      return { mediaType: 'FILE', content: `${message.fileName},${message.fileSize},${message.objectKey},${message.fileType}` };
    default:
      return {
        mediaType: message.mediaType,
        content: message.extension === undefined ? message.objectKey : `${message.objectKey},${message.extension}`,
      };
  }
}
