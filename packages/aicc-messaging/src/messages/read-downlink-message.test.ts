import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PollResponseSchema } from '../session/poll-messages.js';
import { DownlinkMessageEntrySchema, readDownlinkMessage } from './read-downlink-message.js';

const agentMessage = {
  channel: 'WEB',
  content: 'Hello',
  mediaType: 'TEXT',
  controlType: 'CHAT',
  sourceType: 'AGENT',
  isOfflineStatus: false,
  messageCode: 'm-1',
};

describe('readDownlinkMessage', () => {
  it('parses a message that fits, without unreadable', () => {
    const message = readDownlinkMessage(agentMessage);
    expect(message).toEqual(agentMessage);
    expect('unreadable' in message).toBe(false);
  });

  it('delivers a message with a field of the wrong type: that field left out, the rest typed, unreadable set without values', () => {
    const raw = { ...agentMessage, timestamp: true, interIdx: { secret: 'do-not-quote' }, isOfflineStatus: 'true' };
    const message = readDownlinkMessage(raw);
    expect(message).toMatchObject({ content: 'Hello', sourceType: 'AGENT', messageCode: 'm-1', isOfflineStatus: true });
    expect(message.timestamp).toBeUndefined();
    expect(message.interIdx).toBeUndefined();
    expect(message.unreadable?.raw).toBe(raw);
    expect(message.unreadable?.issues).toEqual(['timestamp: must be a string or a number', 'interIdx: must be a string or a number']);
    expect(JSON.stringify(message.unreadable?.issues)).not.toContain('do-not-quote');
  });

  it('reads a field AICC sends in two shapes by one rule with one message', () => {
    const raw = { ...agentMessage, content: ['a', 1], timestamp: Number.NaN, receiveTime: 1_717_000_000_000, interIdx: 1.5 };
    const message = readDownlinkMessage(raw);
    expect(message).toMatchObject({ content: '', receiveTime: 1_717_000_000_000, interIdx: 1.5 });
    expect(message.unreadable?.issues).toEqual([
      'content: must be a string or an array of strings',
      'timestamp: must be a string or a number',
    ]);
    expect(readDownlinkMessage({ ...agentMessage, content: ['a', 'b'], isOfflineStatus: 'yes' }).unreadable?.issues).toEqual([
      'isOfflineStatus: must be a boolean',
    ]);
  });

  it('delivers something that is not an object as an empty message with unreadable', () => {
    for (const raw of [null, 'text', 42, ['a']]) {
      const message = readDownlinkMessage(raw);
      expect(message).toEqual({ content: '', isOfflineStatus: false, unreadable: { raw, issues: ['must be an object'] } });
    }
  });

  it('never fails a list: each entry is read on its own', () => {
    expect(v.parse(v.array(DownlinkMessageEntrySchema), [agentMessage, 7]).map((message) => message.unreadable === undefined)).toEqual([
      true,
      false,
    ]);
  });
});

describe('PollResponseSchema', () => {
  it('delivers the whole batch when one message is odd: a good AGENT message, a READ without sourceType, a broken one', () => {
    const readReceipt = { channel: 'WEB', controlType: 'READ', mediaType: 'TEXT', content: ['u-1', 'u-2'], isOfflineStatus: false };
    const broken = { ...agentMessage, messageCode: 'm-2', content: 12 };
    const answer = v.parse(PollResponseSchema, {
      resultCode: '0',
      resultDesc: 'query user messages success.',
      downlinkMessages: [agentMessage, readReceipt, broken],
    });
    expect(answer.downlinkMessages).toHaveLength(3);
    expect(answer.downlinkMessages[0]).toEqual(agentMessage);
    expect(answer.downlinkMessages[1]).toEqual(readReceipt);
    expect(answer.downlinkMessages[2]).toMatchObject({
      messageCode: 'm-2',
      content: '',
      unreadable: { raw: broken, issues: ['content: must be a string or an array of strings'] },
    });
  });
});
