import { MalformedResponseError, ValidationError } from '@tokenwire/core';
import { bytesToBase64, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { SignalOptionsSchema, type CallOptions } from '../input/signal-options.js';
import { CHANNEL, UPLOAD_FILE_TYPES, type UploadFileType } from '../messages/enumerations.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import type { AiccSession } from './create-aicc-session.js';
import { callApi, type SessionContext } from './session-caller.js';
import { sessionContext } from './session-registry.js';

/** Default largest file a session uploads: 10 MiB (AICC documents no limit; raise it per session if yours allows). */
export const DEFAULT_MAX_UPLOAD_BYTES: number = 10_485_760; // 10 MiB

/** What {@link uploadFile} takes, and the `file` of a {@link SendFileMessage}: a file's bytes and its type. */
export interface UploadFileInput {
  /** The file's bytes (not empty, at most the session's `maxUploadBytes`). */
  readonly bytes: Uint8Array;
  /** One of `jpg, jpeg, png, bmp, bpm, mp3, aac, mp4, txt, csv` (case-insensitive). */
  readonly fileType: UploadFileType | Uppercase<UploadFileType>;
}

/** The `file` of a {@link SendFileMessage}: the same as {@link UploadFileInput}. */
export type FileToUpload = UploadFileInput;

/** A file to upload, checked: bytes (a non-empty `Uint8Array`) and the file type in lower case. @internal */
export const FileToUploadSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      bytes: v.pipe(
        v.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be a Uint8Array'),
        v.check((bytes) => bytes.length > 0, 'must not be empty'),
      ),
      fileType: v.pipe(
        v.string('must be a string'),
        v.transform((text) => text.toLowerCase()),
        v.picklist(UPLOAD_FILE_TYPES, `must be one of ${UPLOAD_FILE_TYPES.join(', ')}`),
      ),
    },
    'an object with bytes and fileType',
  ))();

/**
 * The `uploadFileStream` answer. Huawei's pages disagree on its code: `returnCode` in the API reference and every
 * example (cec_07_2205, cec_07_2222; devg cec_05_2037), `resultCode` with `resultDesc` in the developer guide's
 * table (devg-webclint-cec cec_05_2036, 2024-03-05) — either is accepted, and every one present must be `"0"`.
 * Unknown fields pass through.
 */
interface UploadFileResponse {
  returnCode?: string | undefined;
  resultCode?: string | undefined;
  resultDesc?: string | undefined;
  /** The key to put in a message's content. */
  objectKey?: string | undefined;
  [field: string]: unknown;
}

const UploadFileResponseSchema: v.GenericSchema<unknown, UploadFileResponse> = /* @__PURE__ */ (() =>
  v.looseObject({
    returnCode: v.optional(ResultCodeSchema),
    resultCode: v.optional(ResultCodeSchema),
    resultDesc: ResultDescriptionSchema,
    objectKey: v.optional(v.string('must be a string')),
  } satisfies EntriesOf<UploadFileResponse>))();

/** What a successful upload returns. */
export interface UploadedFile {
  /** Put it in `session.send({ mediaType: 'IMAGE', objectKey })` (or FILE, AUDIO, VIDEO…). */
  readonly objectKey: string;
  /** The lower-case file type that was sent. */
  readonly fileType: UploadFileType;
  /** Size of the uploaded file in bytes. */
  readonly size: number;
}

/**
 * Uploads a checked file for a session: refuses bytes over the session's `maxUploadBytes` (a `ValidationError` of
 * `subject` at `path`, nothing sent), then sends them as base64 and returns the `objectKey`.
 *
 * @internal
 */
export async function uploadChecked(
  context: SessionContext,
  { bytes, fileType }: v.InferOutput<typeof FileToUploadSchema>,
  signal: AbortSignal | undefined,
  subject: string,
  path: string,
): Promise<UploadedFile> {
  const limit = context.settings.maxUploadBytes;
  if (bytes.length > limit) {
    throw new ValidationError(subject, [
      { path, message: `must be at most ${limit} bytes (the session's maxUploadBytes); got ${bytes.length}` },
    ]);
  }
  const answer = await callApi(
    context,
    { api: 'uploadFileStream', body: { fileType, fileStream: bytesToBase64(bytes), channel: CHANNEL }, signal },
    UploadFileResponseSchema,
    'either',
  );
  if (answer.objectKey === undefined || answer.objectKey === '') {
    throw new MalformedResponseError('The answer of /apiaccess/ccmessaging/uploadFileStream reports success but carries no objectKey', {
      path: '/apiaccess/ccmessaging/uploadFileStream',
      retryable: false,
    });
  }
  return { objectKey: answer.objectKey, fileType, size: bytes.length };
}

/**
 * `POST /apiaccess/ccmessaging/uploadFileStream`: uploads a file as base64 and returns its `objectKey`, for
 * `session.send({ mediaType, objectKey })` — or use {@link sendFile}, which uploads and sends in one call. The file
 * is checked first (type, not empty, at most the session's `maxUploadBytes`). Not retried after ambiguous failures
 * (each upload creates an object).
 *
 * A function rather than a session method, so that a browser bundle that does not upload does not carry it.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for a bad file or options, or a value that is not
 *   a session (nothing is sent); {@link AiccApiError} when AICC refuses the upload (`returnCode` or `resultCode`);
 *   `MalformedResponseError` for a success without an `objectKey`; the transport errors of the session's client.
 * @example
 * ```ts
 * const { objectKey } = await uploadFile(session, { bytes, fileType: 'png' });
 * await session.send({ mediaType: 'IMAGE', objectKey, extension: 'png' });
 * ```
 */
export async function uploadFile(session: AiccSession, input: UploadFileInput, options?: CallOptions): Promise<UploadedFile> {
  const context = sessionContext(session, 'upload');
  const file = parseInput(FileToUploadSchema, input, 'upload');
  const { signal } = parseInput(SignalOptionsSchema, options, 'upload options');
  return uploadChecked(context, file, signal, 'upload', 'bytes');
}
