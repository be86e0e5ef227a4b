import { optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { FileNameSchema, OBJECT_KEY_MEDIA_TYPES, prepareMessage, type ObjectKeyMediaType } from '../messages/outgoing-message.js';
import type { AiccSession } from './create-aicc-session.js';
import { parseSendOptions, sendControl, type SendOptions, type SendResult } from './send-message.js';
import { sessionContext } from './session-registry.js';
import { FileToUploadSchema, uploadChecked, type FileToUpload } from './upload-file.js';

/**
 * What {@link sendFile} takes: an image, audio or video message, or a FILE attachment, with the `file` to upload.
 * What the upload returns fills in the rest: the `objectKey`, and the size and type of a FILE.
 */
export type SendFileMessage =
  | {
      readonly mediaType: ObjectKeyMediaType;
      /** Uploaded with `uploadFileStream`; sent as `objectKey,fileType`. */
      readonly file: FileToUpload;
    }
  | {
      readonly mediaType: 'FILE';
      /** The name shown to the agent: not empty, no comma, at most 512 bytes as UTF-8. */
      readonly fileName: string;
      /** Uploaded with `uploadFileStream`; sent as `fileName,size,objectKey,fileType`. */
      readonly file: FileToUpload;
    };

/** A field the upload fills in, refused with `message`. */
const filledIn = (message: string) => v.optional(v.custom<never>(() => false, message));

const FROM_UPLOAD = 'is what the upload returns; omit it (session.send sends a message with an objectKey)';

const MediaFileMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      mediaType: v.picklist(
        OBJECT_KEY_MEDIA_TYPES,
        `must be one of ${OBJECT_KEY_MEDIA_TYPES.join(', ')} or FILE (session.send sends the other messages)`,
      ),
      file: FileToUploadSchema,
      objectKey: filledIn(FROM_UPLOAD),
      extension: filledIn('is taken from file.fileType; omit it'),
    },
    'a media or FILE message with a file',
  ))();

const FileAttachmentMessageSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      mediaType: v.picklist(['FILE']),
      fileName: FileNameSchema,
      file: FileToUploadSchema,
      objectKey: filledIn(FROM_UPLOAD),
      fileSize: filledIn('is taken from file; omit it'),
      fileType: filledIn('is taken from file.fileType; omit it'),
    },
    'a FILE message with a file',
  ))();

const SendFileMessageSchema = /* @__PURE__ */ (() =>
  v.lazy((input) =>
    (input as { readonly mediaType?: unknown } | null | undefined)?.mediaType === 'FILE'
      ? FileAttachmentMessageSchema
      : MediaFileMessageSchema,
  ))();

/**
 * Uploads a file with `uploadFileStream` and sends it as a `CHAT` message with the `objectKey` AICC returned: an
 * image, audio or video as `objectKey,fileType`, a FILE attachment as `fileName,size,objectKey,fileType`. The message,
 * the file (type, not empty, at most the session's `maxUploadBytes`) and the options are all checked before the
 * upload; a failed upload sends nothing. Neither call is retried after an ambiguous failure (each creates something).
 * `{ async: true }` sends through `sendAsync`; `signal` aborts the upload and the send.
 *
 * A function rather than a session method, so that a browser bundle that does not send files does not carry the
 * upload. To send a file uploaded earlier, pass its `objectKey` to `session.send`.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for a bad message, file or options, or a value
 *   that is not a session (nothing is sent); {@link AiccApiError} when AICC refuses the upload or the message;
 *   `MalformedResponseError` for an upload success without an `objectKey`; the transport errors of the session's
 *   client.
 * @example
 * ```ts
 * await sendFile(session, { mediaType: 'IMAGE', file: { bytes, fileType: 'png' } });
 * await sendFile(session, { mediaType: 'FILE', fileName: 'receipt.txt', file: { bytes: receipt, fileType: 'txt' } });
 * ```
 */
export async function sendFile(session: AiccSession, message: SendFileMessage, options?: SendOptions): Promise<SendResult> {
  const context = sessionContext(session, 'sendFile');
  const parsed = parseInput(SendFileMessageSchema, message, 'file message');
  const callOptions = parseSendOptions(options, 'sendFile options');
  const { objectKey, fileType, size } = await uploadChecked(context, parsed.file, callOptions.signal, 'file message', 'file.bytes');
  const prepared =
    parsed.mediaType === 'FILE'
      ? prepareMessage({ mediaType: 'FILE', fileName: parsed.fileName, objectKey, fileSize: size, fileType })
      : prepareMessage({ mediaType: parsed.mediaType, objectKey, extension: fileType });
  return sendControl(context, 'CHAT', prepared, callOptions);
}
