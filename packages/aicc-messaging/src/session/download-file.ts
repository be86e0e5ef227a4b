import { MalformedResponseError } from '@tokenwire/core';
import { base64ToBytes, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { NonEmptyCheck } from '../input/non-empty.js';
import { SignalOptionsSchema, type CallOptions } from '../input/signal-options.js';
import { CHANNEL, DOWNLOAD_FILE_TYPES, type DownloadFileType } from '../messages/enumerations.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { OptionalStringSchema, ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import type { AiccSession } from './create-aicc-session.js';
import { callApi } from './session-caller.js';
import { sessionContext } from './session-registry.js';

/** Default largest file a session accepts from `downloadFileStream`: 2 MiB, AICC's own default limit. */
export const DEFAULT_MAX_DOWNLOAD_BYTES: number = 2_097_152; // 2 MiB

/** Room in a `downloadFileStream` answer for everything but the file: `resultCode`, `resultDesc`, `fileUrl`. */
const DOWNLOAD_ANSWER_OVERHEAD_BYTES = 65_536; // 64 KiB

/**
 * The largest `downloadFileStream` answer worth reading for a file of at most `maxDownloadBytes`: the file as
 * base64 (4/3 of its size), wrapped MIME style (a JSON-escaped `\r\n` per 76 characters takes that to about
 * 1.40×), rounded up to 1.5×, plus 64 KiB for the other fields. A larger answer is cancelled while it arrives;
 * the exact check on the decoded size still follows.
 *
 * @internal
 */
export function downloadAnswerLimit(maxDownloadBytes: number): number {
  return Math.ceil(maxDownloadBytes * 1.5) + DOWNLOAD_ANSWER_OVERHEAD_BYTES;
}

const PATH = '/apiaccess/ccmessaging/downloadFileStream';

/** What {@link downloadFile} takes. */
export interface DownloadFileInput {
  /** The resource id from a downlink message's `content`. */
  readonly fileId: string;
  /** The file type (`jpg`, `pdf`, …; for a local file, the message's `mediaFileType`). */
  readonly fileType: DownloadFileType | Uppercase<DownloadFileType>;
  /** A local file (the message's `contentType` is `"1"`): the session sends `local/{fileId}`. */
  readonly local?: boolean | undefined;
  /** A multimedia-library file: the session sends `multiMedia: "multiMedia"`. */
  readonly multiMedia?: boolean | undefined;
}

const DownloadFileInputSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      fileId: v.pipe(v.string('must be a string'), NonEmptyCheck),
      fileType: v.pipe(
        v.string('must be a string'),
        v.transform((text) => text.toLowerCase()),
        v.picklist(DOWNLOAD_FILE_TYPES, `must be one of ${DOWNLOAD_FILE_TYPES.join(', ')}`),
      ),
      local: v.optional(v.boolean('must be a boolean')),
      multiMedia: v.optional(v.boolean('must be a boolean')),
    },
    'an object with fileId and fileType',
  ))();

/** The `downloadFileStream` answer. Unknown fields pass through. */
interface DownloadFileResponse {
  resultCode: string;
  resultDesc?: string | undefined;
  /** The file as base64. */
  fileStream?: string | null | undefined;
  /** Newer tenants: a temporary link to view the file, kept 24 h. */
  fileUrl?: string | null | undefined;
  [field: string]: unknown;
}

const DownloadFileResponseSchema: v.GenericSchema<unknown, DownloadFileResponse> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: ResultCodeSchema,
    resultDesc: ResultDescriptionSchema,
    fileStream: OptionalStringSchema,
    fileUrl: OptionalStringSchema,
  } satisfies EntriesOf<DownloadFileResponse>))();

/** A downloaded file. */
export interface DownloadedFile {
  /** The file's bytes; `undefined` when AICC answered only with a `fileUrl`. */
  readonly bytes: Uint8Array | undefined;
  /** A temporary link to the file (24 h), when AICC gives one. */
  readonly fileUrl: string | undefined;
}

/**
 * `POST /apiaccess/ccmessaging/downloadFileStream`: fetches a file a downlink message refers to. An answer too
 * large for the session's `maxDownloadBytes` (over 1.5 × `maxDownloadBytes` + 64 KiB: room for the file as base64
 * with line breaks, and for the other fields) is cancelled while it arrives (`ResponseTooLargeError`); a
 * `fileStream` larger than `maxDownloadBytes` is refused before it is decoded.
 *
 * A function rather than a session method, so that a browser bundle that does not use it does not carry it.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for malformed input or a value that is not a
 *   session (nothing is sent); {@link AiccApiError} when AICC refuses; the transport errors of the session's client.
 * @example
 * ```ts
 * const { bytes, fileUrl } = await downloadFile(session, { fileId: message.objectKey, fileType: 'png' });
 * ```
 */
export async function downloadFile(session: AiccSession, input: DownloadFileInput, options?: CallOptions): Promise<DownloadedFile> {
  const context = sessionContext(session, 'download');
  const parsed = parseInput(DownloadFileInputSchema, input, 'download');
  const { signal } = parseInput(SignalOptionsSchema, options, 'download options');
  const body = {
    fileId: parsed.local === true ? `local/${parsed.fileId}` : parsed.fileId,
    fileType: parsed.fileType,
    channel: CHANNEL,
    ...(parsed.multiMedia === true ? { multiMedia: 'multiMedia' } : {}),
  };
  const limit = context.settings.maxDownloadBytes;
  const maxResponseBytes = downloadAnswerLimit(limit);
  const answer = await callApi(context, { api: 'downloadFileStream', body, signal, maxResponseBytes }, DownloadFileResponseSchema);
  const fileUrl = answer.fileUrl ?? undefined;
  // Some servers wrap base64 in lines (MIME style); the line breaks are not data.
  const stream = answer.fileStream?.replace(/\s+/g, '');
  if (stream === undefined || stream === '') return { bytes: undefined, fileUrl };
  const padding = stream.endsWith('==') ? 2 : stream.endsWith('=') ? 1 : 0;
  const size = Math.floor((stream.length * 3) / 4) - padding;
  if (size > limit) {
    throw new MalformedResponseError(
      `${PATH} returned a file of about ${size} bytes, more than the session's maxDownloadBytes (${limit})`,
      {
        path: PATH,
        retryable: false,
      },
    );
  }
  const bytes = base64ToBytes(stream);
  if (bytes === undefined)
    throw new MalformedResponseError(`${PATH} returned a fileStream that is not base64`, { path: PATH, retryable: false });
  return { bytes, fileUrl };
}
