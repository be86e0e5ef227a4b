import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { HistoryResponseSchema } from '../session/chat-history.js';
import { HistoryMessageEntrySchema, readHistoryMessage } from './read-history-message.js';

const customerMessage = {
  channel: 'WEB',
  content: 'Where is my order?',
  mediaType: 'TEXT',
  controlType: 'CHAT',
  sourceType: 'CUSTOMER',
  isOfflineStatus: false,
  messageCode: 'h-1',
  timestamp: 1_700_000_000_000,
};

describe('readHistoryMessage', () => {
  it('parses an entry that fits, without unreadable', () => {
    const message = readHistoryMessage(customerMessage);
    expect(message).toEqual(customerMessage);
    expect('unreadable' in message).toBe(false);
  });

  it('accepts an entry without mediaType and sourceType, or with them null, as it is', () => {
    const { mediaType: _mediaType, sourceType: _sourceType, ...bare } = customerMessage;
    expect(readHistoryMessage(bare)).toEqual(bare);
    const nulls = { ...customerMessage, mediaType: null, controlType: null, sourceType: null };
    expect(readHistoryMessage(nulls)).toEqual(nulls);
  });

  it('delivers an entry with a field of the wrong type: that field left out, the rest typed, unreadable set without values', () => {
    const raw = { ...customerMessage, sourceType: { secret: 'do-not-quote' }, timestamp: true, isOfflineStatus: 'false' };
    const message = readHistoryMessage(raw);
    expect(message).toMatchObject({ content: 'Where is my order?', mediaType: 'TEXT', messageCode: 'h-1', isOfflineStatus: false });
    expect(message.sourceType).toBeUndefined();
    expect(message.timestamp).toBeUndefined();
    expect(message.unreadable?.raw).toBe(raw);
    expect(message.unreadable?.issues).toEqual(['sourceType: must be a string', 'timestamp: must be a string or a number']);
    expect(JSON.stringify(message.unreadable?.issues)).not.toContain('do-not-quote');
  });

  it('delivers something that is not an object as an empty message with unreadable', () => {
    for (const raw of [null, 'text', 42, ['a']]) {
      const message = readHistoryMessage(raw);
      expect(message).toEqual({ content: '', isOfflineStatus: false, unreadable: { raw, issues: ['must be an object'] } });
    }
  });

  it('never fails a list: each entry is read on its own', () => {
    expect(v.parse(v.array(HistoryMessageEntrySchema), [customerMessage, 7]).map((message) => message.unreadable === undefined)).toEqual([
      true,
      false,
    ]);
  });
});

describe('HistoryResponseSchema', () => {
  it('delivers the whole page when messages are odd: a good one, one without sourceType, one with a broken field, a non-object', () => {
    const { sourceType: _sourceType, ...withoutSource } = { ...customerMessage, messageCode: 'h-2', controlType: 'CONNECT' };
    const broken = { ...customerMessage, messageCode: 'h-3', content: { token: 'do-not-quote' } };
    const answer = v.parse(HistoryResponseSchema, {
      resultCode: '0',
      resultDesc: 'success',
      messageList: [customerMessage, withoutSource, broken, 'garbage'],
    });
    expect(answer.messageList).toHaveLength(4);
    expect(answer.messageList[0]).toEqual(customerMessage);
    expect(answer.messageList[1]).toEqual(withoutSource);
    expect(answer.messageList[2]).toEqual({
      ...broken,
      content: '',
      unreadable: { raw: broken, issues: ['content: must be a string or an array of strings'] },
    });
    expect(answer.messageList[3]).toMatchObject({ content: '', isOfflineStatus: false, unreadable: { raw: 'garbage' } });
    expect(JSON.stringify(answer.messageList.map((message) => message.unreadable?.issues))).not.toContain('do-not-quote');
  });

  it('still refuses a messageList that is not a list', () => {
    expect(v.safeParse(HistoryResponseSchema, { resultCode: '0', messageList: 'nope' }).success).toBe(false);
  });
});
