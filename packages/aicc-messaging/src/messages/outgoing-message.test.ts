import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { contentFits, OutgoingMessageSchema, prepareMessage } from './outgoing-message.js';

const prepare = (message: unknown) => prepareMessage(v.parse(OutgoingMessageSchema, message));
const issuesOf = (message: unknown): string[] => {
  const result = v.safeParse(OutgoingMessageSchema, message);
  return result.success ? [] : result.issues.map((issue) => `${v.getDotPath(issue) ?? ''}: ${issue.message}`);
};

describe('OutgoingMessageSchema and prepareMessage', () => {
  it('sends a string or a TEXT message as TEXT content', () => {
    expect(prepare('hello')).toEqual({ mediaType: 'TEXT', content: 'hello' });
    expect(prepare({ mediaType: 'TEXT', text: '你好' })).toEqual({ mediaType: 'TEXT', content: '你好' });
  });

  it('limits text to 1024 UTF-8 bytes, not characters', () => {
    expect(issuesOf('a'.repeat(1024))).toEqual([]);
    expect(issuesOf('a'.repeat(1025))).toEqual(['text: must be at most 1024 bytes as UTF-8']);
    // 342 CJK characters are 1026 bytes.
    expect(issuesOf({ mediaType: 'TEXT', text: '中'.repeat(342) })).toEqual(['text: must be at most 1024 bytes as UTF-8']);
    expect(issuesOf({ mediaType: 'TEXT', text: '中'.repeat(341) })).toEqual([]);
    expect(issuesOf('')).toEqual(['text: must not be empty']);
  });

  it('formats media, file and web card content as AICC documents them', () => {
    expect(prepare({ mediaType: 'IMAGE', objectKey: 'ccmessaging/upload/abc.jpg', extension: 'jpg' })).toEqual({
      mediaType: 'IMAGE',
      content: 'ccmessaging/upload/abc.jpg,jpg',
    });
    expect(prepare({ mediaType: 'VIDEO', objectKey: 'key-1' })).toEqual({ mediaType: 'VIDEO', content: 'key-1' });
    expect(prepare({ mediaType: 'FILE', fileName: 'test_txt.txt', fileSize: 6, objectKey: 'key-2', fileType: 'txt' })).toEqual({
      mediaType: 'FILE',
      content: 'test_txt.txt,6,key-2,txt',
    });
    const card = prepare({ mediaType: 'WEBCARD', title: 'Order', redirectUrl: 'https://shop.example/o/1', mediaFileType: 'img/png' });
    expect(card.mediaType).toBe('WEBCARD');
    expect(JSON.parse((card as { content: string }).content)).toEqual({
      title: 'Order',
      redirectUrl: 'https://shop.example/o/1',
      mediaFileType: 'img/png',
    });
    expect(prepare({ mediaType: 'LOCATE', content: '22.5,114.0,Shenzhen' })).toEqual({
      mediaType: 'LOCATE',
      content: '22.5,114.0,Shenzhen',
    });
  });

  it('leaves the 1 KB limit of built LOCATE and WEBCARD content to contentFits (checked by send before sending)', () => {
    const card = prepare({ mediaType: 'WEBCARD', title: 'x'.repeat(1000), redirectUrl: 'https://shop.example/o/1' }) as { content: string };
    expect(contentFits(card.content)).toBe(false);
    const place = prepare({ mediaType: 'LOCATE', content: `22.5,114.0,${'é'.repeat(510)}` }) as { content: string };
    expect(contentFits(place.content)).toBe(false);
    expect(contentFits('é'.repeat(512))).toBe(true);
    expect(issuesOf({ mediaType: 'FILE', fileName: 'é'.repeat(256), objectKey: 'k', fileSize: 1, fileType: 'txt' })).toEqual([]);
  });

  it('refuses a file to upload, whatever the rest of the message, pointing to sendFile', () => {
    const hint = 'file: send does not upload: sendFile(session, message) uploads the file and sends the message';
    const file = { bytes: new Uint8Array([1, 2, 3]), fileType: 'png' };
    expect(issuesOf({ mediaType: 'IMAGE', file })).toEqual([hint]);
    expect(issuesOf({ mediaType: 'FILE', fileName: 'notes.txt', file })).toEqual([hint]);
    expect(issuesOf({ mediaType: 'IMAGE', objectKey: 'a', file })).toEqual([hint]);
    expect(issuesOf({ mediaType: 'VIDEO', file: undefined })).toEqual([hint]);
  });

  it.each([
    [{ mediaType: 'IMAGE' }, 'objectKey: is required'],
    [{ mediaType: 'IMAGE', objectKey: 'a,b' }, 'objectKey: must not contain a comma'],
    [{ mediaType: 'AUDIO', objectKey: 'a', extension: 'mp3!' }, 'extension: must be 1–10 letters or digits'],
    [{ mediaType: 'FILE', fileName: 'a.txt', objectKey: 'k' }, 'fileSize: is required'],
    [{ mediaType: 'FILE', fileName: 'a.txt', objectKey: 'k', fileSize: 1 }, 'fileType: is required'],
    [{ mediaType: 'FILE', fileName: 'a.txt', objectKey: 'k', fileSize: 1.5, fileType: 'txt' }, 'fileSize: must be a whole number of bytes'],
    [{ mediaType: 'FILE', fileName: 'a,b.txt', objectKey: 'k', fileSize: 1, fileType: 'txt' }, 'fileName: must not contain a comma'],
    [
      { mediaType: 'FILE', fileName: 'é'.repeat(257), objectKey: 'k', fileSize: 1, fileType: 'txt' },
      'fileName: must be at most 512 bytes as UTF-8',
    ],
    [{ mediaType: 'LOCATE', content: '' }, 'content: must not be empty'],
    [{ mediaType: 'WEBCARD', title: 'x' }, ': a WEBCARD needs redirectUrl or mediaFileId'],
    [{ mediaType: 'WEBCARD', mediaFileId: 'm', mediaFileType: 'gif' }, 'mediaFileType: must be one of img, img/png, img/jpg'],
    [{ mediaType: 'STICKER', content: 'x' }, 'mediaType: must be a string, or an object whose mediaType is TEXT, IMAGE'],
    [{ mediaType: 'TEXT', text: 'x', to: 'someone' }, 'to: is not a known option'],
    [42, ': must be a string, or an object whose mediaType is TEXT'],
  ])('rejects %j', (message, expected) => {
    const issues = issuesOf(message);
    expect(
      issues.some((issue) => issue.includes(expected)),
      issues.join(' | '),
    ).toBe(true);
  });
});
