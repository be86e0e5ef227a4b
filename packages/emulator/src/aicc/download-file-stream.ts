import { bytesToBase64 } from '@tokenwire/core/internal';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';

/** File types `downloadFileStream` accepts (compared case-insensitively). */
export const DOWNLOAD_FILE_TYPES: readonly string[] = [
  'jpg',
  'jpeg',
  'png',
  'bmp',
  'bpm',
  'mp3',
  'aac',
  'mp4',
  'txt',
  'csv',
  'richtext',
  'doc',
  'docx',
  'pdf',
  'zip',
];

/** `downloadFileStream` result codes as AICC documents them. */
export const DOWNLOAD_RESULT_CODES = {
  success: '0',
  /** `fileId` missing or empty (`objectKey is null!`). */
  objectKeyMissing: '401',
  /** `channel` missing (AICC: "channelId/userId/tenantId null"). */
  channelMissing: '2',
  /** Type out of range, unknown or empty file, file over the download limit. */
  downloadFailed: '13',
} as const;

/**
 * `POST /apiaccess/ccmessaging/downloadFileStream`: `fileId` (an `objectKey`; a `local/` prefix is accepted),
 * `fileType`, `channel` (`WEB`) and optional `multiMedia`. Answers `{ resultCode: '0', fileStream }` with the file
 * as base64, or a failure code of {@link DOWNLOAD_RESULT_CODES}; files larger than `downloadMaxBytes` (2 MiB by
 * default, as AICC) fail with `13`.
 */
export function downloadFileStream(context: AiccContext, body: Record<string, unknown>): HandlerResult {
  const failure = (resultCode: string, resultDesc: string): HandlerResult => ({ body: { resultCode, resultDesc } });
  const { fileId, fileType, channel, multiMedia } = body;
  if (typeof fileId !== 'string' || fileId === '') return failure(DOWNLOAD_RESULT_CODES.objectKeyMissing, 'objectKey is null!');
  if (channel === undefined || channel === null || channel === '') return failure(DOWNLOAD_RESULT_CODES.channelMissing, 'channel is null!');
  if (channel !== 'WEB') return failure(DOWNLOAD_RESULT_CODES.downloadFailed, 'channel must be WEB.');
  if (typeof fileType !== 'string' || !DOWNLOAD_FILE_TYPES.includes(fileType.toLowerCase())) {
    return failure(DOWNLOAD_RESULT_CODES.downloadFailed, 'the fileType is out of range.');
  }
  if (multiMedia !== undefined && multiMedia !== 'multiMedia' && multiMedia !== '') {
    return failure(DOWNLOAD_RESULT_CODES.downloadFailed, 'multiMedia must be "multiMedia" when present.');
  }
  const objectKey = fileId.startsWith('local/') ? fileId.slice('local/'.length) : fileId;
  const upload = context.state.uploads.get(objectKey);
  if (upload === undefined) return failure(DOWNLOAD_RESULT_CODES.downloadFailed, 'download failed: the file does not exist.');
  if (upload.bytes.length > context.options.downloadMaxBytes) {
    return failure(
      DOWNLOAD_RESULT_CODES.downloadFailed,
      `download failed: the file is larger than ${context.options.downloadMaxBytes} bytes.`,
    );
  }
  return {
    body: {
      resultCode: DOWNLOAD_RESULT_CODES.success,
      resultDesc: 'download file stream success.',
      fileStream: bytesToBase64(upload.bytes),
    },
  };
}
