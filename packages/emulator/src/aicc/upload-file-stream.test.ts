import { base64ToBytes, bytesToBase64 } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../test/aicc-harness.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('uploadFileStream', () => {
  it('stores the file and answers returnCode "0" with an objectKey that downloads back', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const response = await harness.call('uploadFileStream', {
      token,
      body: { fileType: 'PNG', fileStream: bytesToBase64(png), channel: 'WEB' },
    });
    const body = (await response.json()) as { returnCode: string; objectKey: string; resultCode?: string };
    expect(body).toEqual({ returnCode: '0', objectKey: expect.stringMatching(/^ccmessaging\/upload\/[0-9a-f]{32}\.png$/) });
    expect(harness.aicc.state.uploads.get(body.objectKey)).toMatchObject({ fileType: 'png', userId: 'user-1', bytes: png });

    const download = await harness.call('downloadFileStream', { token, body: { fileId: body.objectKey, fileType: 'png', channel: 'WEB' } });
    const downloaded = (await download.json()) as { resultCode: string; fileStream: string };
    expect(downloaded.resultCode).toBe('0');
    expect(base64ToBytes(downloaded.fileStream)).toEqual(png);
  });

  it.each([
    ['fileType', { fileType: undefined }],
    ['fileStream', { fileStream: '' }],
    ['channel', { channel: undefined }],
  ])('answers returnCode "2" when %s is missing', async (field, change) => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const body = await (
      await harness.call('uploadFileStream', {
        token,
        body: { fileType: 'png', fileStream: bytesToBase64(png), channel: 'WEB', ...change },
      })
    ).json();
    expect(body).toEqual({ returnCode: '2', resultDesc: expect.stringContaining(field) });
    expect(harness.aicc.state.uploads.size).toBe(0);
  });

  it.each([
    ['an unsupported fileType', { fileType: 'exe' }],
    ['a fileType that is not a string', { fileType: 7 }],
    ['channel APP', { channel: 'APP' }],
    ['a data URL', { fileStream: `data:image/png;base64,${bytesToBase64(png)}` }],
    ['text that is not base64', { fileStream: 'not base64!' }],
    ['an empty file', { fileStream: '==' }],
  ])('answers returnCode "3" for %s', async (_label, change) => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const body = (await (
      await harness.call('uploadFileStream', {
        token,
        body: { fileType: 'png', fileStream: bytesToBase64(png), channel: 'WEB', ...change },
      })
    ).json()) as Record<string, string>;
    expect(body.returnCode).toBe('3');
    expect(body.objectKey).toBeUndefined();
    expect(harness.aicc.state.uploads.size).toBe(0);
  });

  it('answers returnCode "13" above uploadMaxBytes', async () => {
    const harness = createHarness({ uploadMaxBytes: 16 });
    const token = await harness.applyToken('user-1');
    const ok = await harness.call('uploadFileStream', {
      token,
      body: { fileType: 'txt', fileStream: bytesToBase64(new Uint8Array(16)), channel: 'WEB' },
    });
    expect(await ok.json()).toMatchObject({ returnCode: '0' });
    const tooBig = await harness.call('uploadFileStream', {
      token,
      body: { fileType: 'txt', fileStream: bytesToBase64(new Uint8Array(17)), channel: 'WEB' },
    });
    expect(await tooBig.json()).toEqual({ returnCode: '13', resultDesc: expect.stringContaining('16 bytes') });
    expect(harness.aicc.state.uploads.size).toBe(1);
  });
});
