import { base64ToBytes } from '@tokenwire/core/internal';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { randomHex } from '../random-bytes.js';

/** File types `uploadFileStream` accepts (compared case-insensitively; `bpm` is AICC's spelling next to `bmp`). */
export const UPLOAD_FILE_TYPES: readonly string[] = ['jpg', 'jpeg', 'png', 'bmp', 'bpm', 'mp3', 'aac', 'mp4', 'txt', 'csv'];

/**
 * `uploadFileStream` codes. The field is `returnCode` in the `api-reference` dialect (cec_07_2222) and `resultCode`
 * (with `resultDesc`) in the `developer-guide` one (table of cec_05_2036).
 */
export const UPLOAD_RETURN_CODES = { success: '0', missingParameter: '2', invalidParameter: '3', uploadFailed: '13' } as const;

/** The `resultDesc` of a successful upload in the `developer-guide` dialect. */
export const UPLOAD_SUCCESS_DESCRIPTION = 'upload file success.';

/**
 * `POST /apiaccess/ccmessaging/uploadFileStream`: `fileType` (see {@link UPLOAD_FILE_TYPES}), `fileStream`
 * (standard base64, no data-URL prefix) and `channel` (`WEB`). Answers `{ returnCode: '0', objectKey }` — the key
 * to put in `send` content — or `returnCode` `2` (a field missing or empty), `3` (bad type, channel or base64, or
 * an empty file) or `13` (larger than `uploadMaxBytes`), with a `resultDesc`. In the `developer-guide` dialect the
 * same codes come as `resultCode`, always with a `resultDesc`.
 */
export function uploadFileStream(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const codeField = context.options.dialect === 'developer-guide' ? 'resultCode' : 'returnCode';
  const failure = (code: string, resultDesc: string): HandlerResult => ({ body: { [codeField]: code, resultDesc } });
  const { fileType, fileStream, channel } = body;
  const missing = (['fileType', 'fileStream', 'channel'] as const).filter(
    (field) => body[field] === undefined || body[field] === null || body[field] === '',
  );
  if (missing.length > 0) return failure(UPLOAD_RETURN_CODES.missingParameter, `missing parameter: ${missing.join(', ')}.`);
  if (channel !== 'WEB') return failure(UPLOAD_RETURN_CODES.invalidParameter, 'channel must be WEB.');
  if (typeof fileType !== 'string' || !UPLOAD_FILE_TYPES.includes(fileType.toLowerCase())) {
    return failure(UPLOAD_RETURN_CODES.invalidParameter, `fileType must be one of ${UPLOAD_FILE_TYPES.join(', ')}.`);
  }
  const bytes = typeof fileStream === 'string' ? base64ToBytes(fileStream) : undefined;
  if (bytes === undefined) return failure(UPLOAD_RETURN_CODES.invalidParameter, 'fileStream must be base64.');
  if (bytes.length === 0) return failure(UPLOAD_RETURN_CODES.invalidParameter, 'fileStream is an empty file.');
  if (bytes.length > context.options.uploadMaxBytes) {
    return failure(UPLOAD_RETURN_CODES.uploadFailed, `upload failed: the file is larger than ${context.options.uploadMaxBytes} bytes.`);
  }
  const normalizedType = fileType.toLowerCase();
  const objectKey = `ccmessaging/upload/${randomHex(context.random, 16)}.${normalizedType}`;
  context.state.uploads.set(objectKey, { objectKey, fileType: normalizedType, bytes, userId: token.userId, uploadedAt: context.now() });
  if (codeField === 'resultCode')
    return { body: { resultCode: UPLOAD_RETURN_CODES.success, resultDesc: UPLOAD_SUCCESS_DESCRIPTION, objectKey } };
  return { body: { returnCode: UPLOAD_RETURN_CODES.success, objectKey } };
}
