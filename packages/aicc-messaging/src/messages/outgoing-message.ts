import { numberIn, optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { utf8ByteLength } from '../input/text-measures.js';
import { UPLOAD_FILE_TYPES, type UplinkMediaType, type UploadFileType } from './enumerations.js';

/** Largest `content` of a message a client sends, in UTF-8 bytes (AICC: "TEXT ≤ 1 KB"). */
export const MAX_MESSAGE_CONTENT_BYTES = 1024;

/** Media types whose content is an `objectKey` from `uploadFile` (with an optional extension). */
export const OBJECT_KEY_MEDIA_TYPES = ['IMAGE', 'AUDIO', 'VIDEO', 'FILE_IMAGE', 'FILE_VIDEO'] as const;

/** `mediaFileType` values of a WEBCARD. */
export const WEBCARD_MEDIA_FILE_TYPES = ['img', 'img/png', 'img/jpg'] as const;

/** A file to upload before sending it: its bytes and one of the upload file types. */
export interface FileToUpload {
  readonly bytes: Uint8Array;
  /** `jpg`, `png`, `mp3`, `mp4`, `txt`, … (case-insensitive). */
  readonly fileType: UploadFileType | Uppercase<UploadFileType>;
}

/** A text message (also accepted as a bare string): at most 1 KB as UTF-8. */
export interface TextMessage {
  readonly mediaType: 'TEXT';
  readonly text: string;
}

/** An image, audio or video message: an uploaded `objectKey`, or a `file` the session uploads first. */
export type MediaMessage =
  | {
      readonly mediaType: (typeof OBJECT_KEY_MEDIA_TYPES)[number];
      /** From `uploadFile`. */
      readonly objectKey: string;
      /** The file's extension (`jpg`, `mp4`), sent as `objectKey,extension` as AICC's examples do. */
      readonly extension?: string | undefined;
      readonly file?: undefined;
    }
  | {
      readonly mediaType: (typeof OBJECT_KEY_MEDIA_TYPES)[number];
      /** Uploaded with `uploadFileStream` before the message is sent. */
      readonly file: FileToUpload;
      readonly objectKey?: undefined;
      readonly extension?: undefined;
    };

/** A file attachment, sent as `fileName,fileSize,fileId,fileType`. */
export type FileMessage =
  | {
      readonly mediaType: 'FILE';
      readonly fileName: string;
      /** From `uploadFile`. */
      readonly objectKey: string;
      /** Size in bytes. */
      readonly fileSize: number;
      /** The file's extension, e.g. `txt`. */
      readonly fileType: string;
      readonly file?: undefined;
    }
  | {
      readonly mediaType: 'FILE';
      readonly fileName: string;
      /** Uploaded first; size and type are taken from it. */
      readonly file: FileToUpload;
      readonly objectKey?: undefined;
      readonly fileSize?: undefined;
      readonly fileType?: undefined;
    };

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

/** A validated {@link OutgoingMessage}: its media type and either the final content or what to upload first. */
export type PreparedMessage =
  | { readonly mediaType: UplinkMediaType; readonly content: string; readonly upload?: undefined }
  | {
      readonly mediaType: UplinkMediaType;
      readonly upload: { readonly bytes: Uint8Array; readonly fileType: UploadFileType };
      /** Builds the content once the upload returned its `objectKey`. */
      readonly contentFor: (objectKey: string) => string;
    };

const fitsContent = (text: string): boolean => utf8ByteLength(text) <= MAX_MESSAGE_CONTENT_BYTES;
const noComma = (name: string) =>
  v.pipe(
    v.string('must be a string'),
    v.nonEmpty('must not be empty'),
    v.check((text) => !text.includes(','), `must not contain a comma (${name} is comma-separated)`),
  );
const extension = /* @__PURE__ */ (() =>
  v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9]{1,10}$/, 'must be 1–10 letters or digits, e.g. jpg')))();

/** An upload file type, case-insensitive, output in lower case. */
export const UploadFileTypeSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.string('must be a string'),
    v.transform((text) => text.toLowerCase()),
    v.picklist(UPLOAD_FILE_TYPES, `must be one of ${UPLOAD_FILE_TYPES.join(', ')}`),
  ))();

/** The bytes of a file. */
export const FileBytesSchema = /* @__PURE__ */ (() =>
  v.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be a Uint8Array'))();

const FileToUploadSchema = /* @__PURE__ */ (() =>
  optionsObject({ bytes: FileBytesSchema, fileType: UploadFileTypeSchema }, 'an object with bytes and fileType'))();

const TextMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      mediaType: v.picklist(['TEXT']),
      text: v.pipe(
        v.string('must be a string'),
        v.nonEmpty('must not be empty'),
        v.check(fitsContent, `must be at most ${MAX_MESSAGE_CONTENT_BYTES} bytes as UTF-8`),
      ),
    },
    'a text message',
  ))();

const MediaMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      mediaType: v.picklist(OBJECT_KEY_MEDIA_TYPES),
      objectKey: v.optional(noComma('the content')),
      extension: v.optional(extension),
      file: v.optional(FileToUploadSchema),
    },
    'a media message',
  ))();

const FileMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      mediaType: v.picklist(['FILE']),
      fileName: v.pipe(
        noComma('FILE content'),
        v.check((text) => utf8ByteLength(text) <= 512, 'must be at most 512 bytes as UTF-8'),
      ),
      objectKey: v.optional(noComma('FILE content')),
      fileSize: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number of bytes, not negative', true)),
      fileType: v.optional(extension),
      file: v.optional(FileToUploadSchema),
    },
    'a file message',
  ))();

const optionalText = /* @__PURE__ */ (() => v.optional(v.string('must be a string')))();

const WebCardMessageSchema = /* @__PURE__ */ (() =>
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
  ))();

const LocationMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    { mediaType: v.picklist(['LOCATE']), content: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')) },
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

/** The schema `input`'s `mediaType` names: valibot's `variant` for one key, without its bytes. */
function messageSchemaOf(input: unknown): MessageSchema | typeof NotAMessageSchema {
  if (typeof input !== 'object' || input === null) return NotAMessageSchema;
  const { mediaType } = input as { readonly mediaType?: unknown };
  if (typeof mediaType === 'string' && Object.hasOwn(MESSAGE_SCHEMAS, mediaType)) return MESSAGE_SCHEMAS[mediaType]!;
  // Its output type is never, like NotAMessageSchema's: it accepts nothing.
  return UnknownMediaTypeSchema as unknown as typeof NotAMessageSchema;
}

/**
 * The schema of an {@link OutgoingMessage}: a string (TEXT) or `{ mediaType, … }`. Content must fit in 1 KB as
 * UTF-8; object keys and file names must not contain commas (AICC's content formats are comma-separated). It outputs
 * the message as an object, for {@link prepareMessage}.
 */
export const OutgoingMessageSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.unknown(),
    // A bare string is a TEXT message; its problems are then reported under `text`.
    v.transform((input) => (typeof input === 'string' ? { mediaType: 'TEXT', text: input } : input)),
    v.lazy(messageSchemaOf),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const message = dataset.value;
      const problem = (text: string): void => addIssue({ message: text });
      if (message.mediaType === 'WEBCARD') {
        if (!message.redirectUrl && !message.mediaFileId) problem('a WEBCARD needs redirectUrl or mediaFileId');
        return;
      }
      if (message.mediaType === 'TEXT' || message.mediaType === 'LOCATE') return;
      if ((message.objectKey === undefined) === (message.file === undefined)) {
        problem(`a ${message.mediaType} message needs either objectKey (from uploadFile) or file (uploaded first), not both`);
        return;
      }
      if (message.mediaType === 'FILE') {
        if (message.file === undefined && (message.fileSize === undefined || message.fileType === undefined))
          problem('a FILE message with objectKey needs fileSize and fileType');
        if (message.file !== undefined && (message.fileSize !== undefined || message.fileType !== undefined))
          problem('fileSize and fileType are taken from file; omit them');
      } else if (message.file !== undefined && message.extension !== undefined) {
        problem('extension is taken from file.fileType; omit it');
      }
    }),
  ))();

/**
 * Turns a validated message into its `mediaType` and `content` (or what to upload first).
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
    case 'FILE': {
      const { fileName, file } = message;
      if (file !== undefined) {
        return {
          mediaType: 'FILE',
          upload: file,
          contentFor: (objectKey) => `${fileName},${file.bytes.length},${objectKey},${file.fileType}`,
        };
      }
      return { mediaType: 'FILE', content: `${fileName},${message.fileSize},${message.objectKey},${message.fileType}` };
    }
    default: {
      const { mediaType, file } = message;
      if (file !== undefined) return { mediaType, upload: file, contentFor: (objectKey) => `${objectKey},${file.fileType}` };
      return { mediaType, content: message.extension === undefined ? message.objectKey! : `${message.objectKey},${message.extension}` };
    }
  }
}

/** Whether built content fits the 1 KB limit. @internal */
export function contentFits(content: string): boolean {
  return fitsContent(content);
}
