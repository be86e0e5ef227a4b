import { base64ToBytes, bytesToBase64 } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../test/aicc-harness.js';

async function uploaded(harness: ReturnType<typeof createHarness>, token: string, size: number): Promise<string> {
  const bytes = new Uint8Array(size).map((_, index) => index % 251);
  const response = await harness.call('uploadFileStream', {
    token,
    body: { fileType: 'mp4', fileStream: bytesToBase64(bytes), channel: 'WEB' },
  });
  return ((await response.json()) as { objectKey: string }).objectKey;
}

describe('downloadFileStream', () => {
  it('returns a file up to downloadMaxBytes, also under a local/ fileId', async () => {
    const harness = createHarness({ downloadMaxBytes: 64 });
    const token = await harness.applyToken('user-1');
    const objectKey = await uploaded(harness, token, 64);
    for (const fileId of [objectKey, `local/${objectKey}`]) {
      const body = (await (
        await harness.call('downloadFileStream', { token, body: { fileId, fileType: 'mp4', channel: 'WEB', multiMedia: 'multiMedia' } })
      ).json()) as Record<string, string>;
      expect(body).toMatchObject({ resultCode: '0', resultDesc: 'download file stream success.' });
      expect(base64ToBytes(body.fileStream!)?.length).toBe(64);
    }
  });

  it('fails with 13 above downloadMaxBytes (2 MiB by default)', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const atLimit = await uploaded(harness, token, 2 * 1024 * 1024);
    const overLimit = await uploaded(harness, token, 2 * 1024 * 1024 + 1);
    const ok = (await (
      await harness.call('downloadFileStream', { token, body: { fileId: atLimit, fileType: 'mp4', channel: 'WEB' } })
    ).json()) as Record<string, string>;
    expect(ok.resultCode).toBe('0');
    const refused = await (
      await harness.call('downloadFileStream', { token, body: { fileId: overLimit, fileType: 'mp4', channel: 'WEB' } })
    ).json();
    expect(refused).toEqual({ resultCode: '13', resultDesc: expect.stringContaining('2097152 bytes') });
  });

  it.each([
    ['no fileId', { fileId: undefined }, '401'],
    ['an empty fileId', { fileId: '' }, '401'],
    ['no channel', { channel: undefined }, '2'],
    ['channel APP', { channel: 'APP' }, '13'],
    ['an unsupported fileType', { fileType: 'exe' }, '13'],
    ['no fileType', { fileType: undefined }, '13'],
    ['an unknown fileId', { fileId: 'ccmessaging/upload/unknown.mp4' }, '13'],
    ['a wrong multiMedia flag', { multiMedia: 'yes' }, '13'],
  ])('answers %s with resultCode %s', async (_label, change, resultCode) => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const objectKey = await uploaded(harness, token, 8);
    const body = (await (
      await harness.call('downloadFileStream', { token, body: { fileId: objectKey, fileType: 'mp4', channel: 'WEB', ...change } })
    ).json()) as Record<string, string>;
    expect(body.resultCode).toBe(resultCode);
    expect(body.fileStream).toBeUndefined();
    if (resultCode === '401') expect(body.resultDesc).toBe('objectKey is null!');
  });
});
