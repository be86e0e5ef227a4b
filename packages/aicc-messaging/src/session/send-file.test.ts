import { ValidationError } from '@tokenwire/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, dialectTestBed, TEST_POLL_TIMEOUT_MS, type TestBed } from '../../test/harness.js';
import { AiccApiError } from '../errors/aicc-api-error.js';
import { createAiccSession, type AiccSession, type AiccSessionOptions } from './create-aicc-session.js';
import { sendFile, type SendFileMessage } from './send-file.js';
import { uploadFile } from './upload-file.js';

const path = (api: string) => `/apiaccess/ccmessaging/${api}`;
const bytes = new TextEncoder().encode('hello, agent');

let bed: TestBed;
afterEach(() => bed?.emulator.close());

function sessionFor(testBed: TestBed, overrides: Partial<AiccSessionOptions> = {}): AiccSession {
  return createAiccSession(testBed.client(), { ...testBed.user(), pollTimeoutMs: TEST_POLL_TIMEOUT_MS, ...overrides });
}

/** The body of the last CHAT the session sent through `api` (`send` or `sendAsync`). */
const lastSent = (api = 'send') => JSON.parse(bed.recorder.to(path(api)).at(-1)!.body) as Record<string, unknown>;

describe.each(DIALECTS)('against the %s dialect', (dialect) => {
  const testBed = dialectTestBed(dialect);

  describe('sendFile', () => {
    it('uploads an image, then sends it as objectKey,fileType', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      const result = await sendFile(session, { mediaType: 'IMAGE', file: { bytes, fileType: 'PNG' } });
      expect(result).toMatchObject({ resultCode: '0' });
      const [upload] = bed.recorder.to(path('uploadFileStream'));
      expect(JSON.parse(upload!.body)).toEqual({ fileType: 'png', fileStream: 'aGVsbG8sIGFnZW50', channel: 'WEB' });
      const [objectKey] = bed.emulator.state.aicc!.uploads.keys();
      expect(lastSent()).toMatchObject({ controlType: 'CHAT', mediaType: 'IMAGE', content: `${objectKey},png`, from: 'user-1' });
      expect(bed.emulator.state.aicc!.uploads.get(objectKey!)?.bytes).toEqual(bytes);
    });

    it('uploads a FILE attachment and sends fileName,size,objectKey,fileType; async: true sends through sendAsync', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      await sendFile(session, { mediaType: 'FILE', fileName: 'hello.txt', file: { bytes, fileType: 'txt' } }, { async: true });
      const [objectKey] = bed.emulator.state.aicc!.uploads.keys();
      expect(lastSent('sendAsync')).toMatchObject({ mediaType: 'FILE', content: `hello.txt,${bytes.length},${objectKey},txt` });
      expect(bed.recorder.to(path('send'))).toHaveLength(1); // CONNECT only
    });

    it('sends nothing when the upload fails, and reports AICC’s code', async () => {
      bed = testBed({ aicc: { uploadMaxBytes: 8 } });
      const session = sessionFor(bed);
      await session.connect();
      const error = await sendFile(session, { mediaType: 'VIDEO', file: { bytes, fileType: 'mp4' } }).catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: '13', path: path('uploadFileStream') });
      expect(bed.recorder.to(path('send'))).toHaveLength(1); // CONNECT only
    });

    it('sends nothing when the upload answers success without an objectKey', async () => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === path('uploadFileStream') ? Response.json({ returnCode: '0' }) : next(request),
      );
      const session = sessionFor(bed);
      const error = await sendFile(session, { mediaType: 'IMAGE', file: { bytes, fileType: 'png' } }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'MalformedResponseError', path: path('uploadFileStream'), retryable: false });
      expect(bed.recorder.to(path('send'))).toHaveLength(0);
    });
  });
});

describe('sendFile and uploadFile: validation before anything is sent', () => {
  const file = { bytes, fileType: 'png' } as const;

  it.each<[string, (session: AiccSession) => Promise<unknown>, string]>([
    [
      'sendFile of a non-session',
      () => sendFile({} as never, { mediaType: 'IMAGE', file }),
      'Invalid sendFile: session: must be a session',
    ],
    ['uploadFile of a non-session', () => uploadFile(null as never, file), 'Invalid upload: session: must be a session'],
    [
      'sendFile of nothing',
      (s) => sendFile(s, { mediaType: 'IMAGE', file: { bytes: new Uint8Array(0), fileType: 'png' } }),
      'file.bytes: must not be empty',
    ],
    [
      'sendFile of a gif',
      (s) => sendFile(s, { mediaType: 'IMAGE', file: { bytes, fileType: 'gif' as never } }),
      'file.fileType: must be one of jpg',
    ],
    [
      'sendFile of an array',
      (s) => sendFile(s, { mediaType: 'IMAGE', file: { bytes: [1] as never, fileType: 'png' } }),
      'file.bytes: must be a Uint8Array',
    ],
    ['sendFile without a file', (s) => sendFile(s, { mediaType: 'IMAGE' } as never), 'file: is required'],
    [
      'sendFile over maxUploadBytes',
      (s) => sendFile(s, { mediaType: 'IMAGE', file: { bytes: new Uint8Array(11), fileType: 'png' } }),
      "Invalid file message: file.bytes: must be at most 10 bytes (the session's maxUploadBytes); got 11",
    ],
    [
      'sendFile with an objectKey',
      (s) => sendFile(s, { mediaType: 'IMAGE', file, objectKey: 'k' } as never),
      'objectKey: is what the upload returns; omit it (session.send sends a message with an objectKey)',
    ],
    [
      'sendFile with an extension',
      (s) => sendFile(s, { mediaType: 'AUDIO', file, extension: 'mp3' } as never),
      'extension: is taken from file.fileType',
    ],
    [
      'sendFile of a FILE with fileSize',
      (s) => sendFile(s, { mediaType: 'FILE', fileName: 'a.png', file, fileSize: 1 } as never),
      'fileSize: is taken from file',
    ],
    [
      'sendFile of a FILE with fileType',
      (s) => sendFile(s, { mediaType: 'FILE', fileName: 'a.png', file, fileType: 'png' } as never),
      'fileType: is taken from file.fileType',
    ],
    ['sendFile of a FILE without fileName', (s) => sendFile(s, { mediaType: 'FILE', file } as never), 'fileName: is required'],
    [
      'sendFile of a FILE whose fileName has a comma',
      (s) => sendFile(s, { mediaType: 'FILE', fileName: 'a,b.png', file }),
      'fileName: must not contain a comma',
    ],
    [
      'sendFile of a TEXT',
      (s) => sendFile(s, { mediaType: 'TEXT', file } as never),
      'mediaType: must be one of IMAGE, AUDIO, VIDEO, FILE_IMAGE, FILE_VIDEO or FILE',
    ],
    [
      'sendFile of a string',
      (s) => sendFile(s, 'hello' as unknown as SendFileMessage),
      'must be a media or FILE message with a file, got string',
    ],
    [
      'sendFile with unknown options',
      (s) => sendFile(s, { mediaType: 'IMAGE', file }, { priority: 1 } as never),
      'priority: is not a known option',
    ],
    ['uploadFile with a bad signal', (s) => uploadFile(s, file, { signal: 1 } as never), 'signal: must be an AbortSignal'],
    [
      'send with a file',
      (s) => s.send({ mediaType: 'IMAGE', file } as never),
      'Invalid message: file: send does not upload: sendFile(session, message) uploads the file and sends the message',
    ],
  ])('%s', async (_label, call, message) => {
    bed = dialectTestBed('api-reference')();
    const session = sessionFor(bed, { maxUploadBytes: 10 });
    const error = await call(session).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message).toContain(message);
    expect(bed.recorder.requests).toHaveLength(0);
  });
});
