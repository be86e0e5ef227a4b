import { ResponseTooLargeError } from '@tokenwire/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, dialectTestBed, TEST_POLL_TIMEOUT_MS, textsOfError, type TestBed } from '../../test/harness.js';
import { createAiccSession, type AiccSession } from './create-aicc-session.js';
import { DEFAULT_MAX_DOWNLOAD_BYTES, downloadAnswerLimit, downloadFile } from './download-file.js';
import { uploadFile } from './upload-file.js';

const DOWNLOAD_PATH = '/apiaccess/ccmessaging/downloadFileStream';
const encoder = new TextEncoder();

let bed: TestBed;
afterEach(() => bed?.emulator.close());

function sessionFor(testBed: TestBed, maxDownloadBytes: number): AiccSession {
  return createAiccSession(testBed.client(), { ...testBed.user(), pollTimeoutMs: TEST_POLL_TIMEOUT_MS, maxDownloadBytes });
}

/** The base64 of `size` bytes, wrapped MIME style (`\r\n` every 76 characters). */
function wrappedBase64(size: number): string {
  let binary = '';
  for (let index = 0; index < size; index++) binary += String.fromCharCode(index % 256);
  return btoa(binary).replace(/.{76}/g, '$&\r\n');
}

/** A `downloadFileStream` answer of about 2 MB streamed in 1 KiB chunks; records what the client pulled. */
function endlessAnswer(headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const chunk = encoder.encode('QUFB'.repeat(256));
  const body = new ReadableStream<Uint8Array>(
    {
      start: (controller) => controller.enqueue(encoder.encode('{"resultCode":"0","resultDesc":"ok","fileStream":"')),
      pull(controller) {
        state.pulled += 1;
        controller.enqueue(chunk);
        if (state.pulled < 2000) return;
        controller.enqueue(encoder.encode('"}'));
        controller.close();
      },
      cancel: () => {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } }), state };
}

describe.each(DIALECTS)('against the %s dialect', (dialect) => {
  const testBed = dialectTestBed(dialect);

  describe('downloadFile: the answer size limit', () => {
    it.each([0, 1, 10, 1000, DEFAULT_MAX_DOWNLOAD_BYTES])(
      'leaves room for a wrapped base64 file of %i bytes and the other fields',
      (size) => {
        const answer = JSON.stringify({
          resultCode: '0',
          resultDesc: 'download file successfully',
          fileStream: wrappedBase64(size),
          fileUrl: `https://obs.example/${'x'.repeat(2000)}`,
        });
        expect(encoder.encode(answer).byteLength).toBeLessThanOrEqual(downloadAnswerLimit(size));
      },
    );

    it('cancels an oversized answer while it arrives, without retrying', async () => {
      bed = testBed();
      const session = sessionFor(bed, 10_000);
      const oversized = endlessAnswer();
      let downloads = 0;
      bed.intercept((next) => async (request) => {
        if (new URL(request.url).pathname !== DOWNLOAD_PATH) return next(request);
        downloads++;
        return oversized.response;
      });
      const error = await downloadFile(session, { fileId: 'big.png', fileType: 'png' }).catch((caught: unknown) => caught);
      expect(ResponseTooLargeError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ retryable: false, maxBytes: downloadAnswerLimit(10_000), path: DOWNLOAD_PATH, status: 200 });
      expect(textsOfError(error)).not.toContain('QUFB');
      expect(oversized.state.cancelled).toBe(true);
      // 1 KiB chunks: reading stops right after the count passes the limit.
      expect(oversized.state.pulled).toBeLessThanOrEqual(Math.ceil(downloadAnswerLimit(10_000) / 1024) + 1);
      expect(downloads).toBe(1);
    });

    it('refuses an answer whose Content-Length is over the limit without reading it', async () => {
      bed = testBed();
      const session = sessionFor(bed, 10_000);
      const announced = endlessAnswer({ 'content-length': String(downloadAnswerLimit(10_000) + 1) });
      bed.intercept((next) => async (request) => (new URL(request.url).pathname === DOWNLOAD_PATH ? announced.response : next(request)));
      const error = await downloadFile(session, { fileId: 'big.png', fileType: 'png' }).catch((caught: unknown) => caught);
      expect(ResponseTooLargeError.isInstance(error)).toBe(true);
      expect(announced.state.pulled).toBe(0);
      expect(announced.state.cancelled).toBe(true);
    });

    it('still downloads a file of exactly maxDownloadBytes', async () => {
      bed = testBed();
      const session = sessionFor(bed, 10);
      const bytes = new Uint8Array(10).fill(7);
      const { objectKey } = await uploadFile(session, { bytes, fileType: 'png' });
      expect((await downloadFile(session, { fileId: objectKey, fileType: 'png' })).bytes).toEqual(bytes);
    });
  });
});
