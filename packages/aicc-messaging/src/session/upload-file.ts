import { MalformedResponseError, ValidationError } from '@tokenwire/core';
import { bytesToBase64, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { SignalOptionsSchema, type CallOptions } from '../input/signal-options.js';
import { CHANNEL, type UploadFileType } from '../messages/enumerations.js';
import { FileBytesSchema, UploadFileTypeSchema } from '../messages/outgoing-message.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import { callApi, type SessionContext } from './session-caller.js';

/** Default largest file a session uploads: 10 MiB (AICC documents no limit; raise it per session if yours allows). */
export const DEFAULT_MAX_UPLOAD_BYTES: number = 10_485_760; // 10 MiB

/** What {@link AiccSession.uploadFile} takes. */
export interface UploadFileInput {
  /** The file's bytes (not empty, at most the session's `maxUploadBytes`). */
  readonly bytes: Uint8Array;
  /** One of `jpg, jpeg, png, bmp, bpm, mp3, aac, mp4, txt, csv` (case-insensitive). */
  readonly fileType: UploadFileType | Uppercase<UploadFileType>;
}

const UploadFileInputSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      bytes: v.pipe(
        FileBytesSchema,
        v.check((bytes) => bytes.length > 0, 'must not be empty'),
      ),
      fileType: UploadFileTypeSchema,
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
  /** Put it in `send({ mediaType: 'IMAGE', objectKey })` (or FILE, AUDIO, VIDEO…). */
  readonly objectKey: string;
  /** The lower-case file type that was sent. */
  readonly fileType: UploadFileType;
  /** Size of the uploaded file in bytes. */
  readonly size: number;
}

/**
 * `POST /apiaccess/ccmessaging/uploadFileStream`: uploads a file as base64 and returns its `objectKey`. The file is
 * checked first (type, not empty, at most `maxUploadBytes`). Not retried after ambiguous failures (each upload
 * creates an object).
 *
 * @internal
 */
export async function uploadFile(context: SessionContext, input: UploadFileInput, options: CallOptions | undefined): Promise<UploadedFile> {
  const { bytes, fileType } = parseInput(UploadFileInputSchema, input, 'upload');
  const { signal } = parseInput(SignalOptionsSchema, options, 'upload options');
  const limit = context.settings.maxUploadBytes;
  if (bytes.length > limit) {
    throw new ValidationError('upload', [
      { path: 'bytes', message: `must be at most ${limit} bytes (the session's maxUploadBytes); got ${bytes.length}` },
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
