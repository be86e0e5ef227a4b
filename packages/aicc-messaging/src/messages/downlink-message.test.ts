import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DownlinkMessageSchema } from './downlink-message.js';

const documented = {
  channel: 'WEB',
  content: 'connected to agent',
  from: 'web-channel-1',
  to: 'user-1',
  mediaType: 'TEXT',
  controlType: 'CONNECT',
  sourceType: 'AGENT',
  senderNickname: 'Agent Alice',
  timestamp: 1700000000000,
  isOfflineStatus: false,
  messageCode: '1700000000000000001',
  callId: '1700000000-000002',
  queueFlag: 'N',
  receiveTime: 1700000000001,
};

describe('DownlinkMessageSchema', () => {
  it('parses a documented message', () => {
    const message = v.parse(DownlinkMessageSchema, documented);
    expect(message).toMatchObject(documented);
  });

  it('accepts timestamp as a string or a number and keeps it as it came', () => {
    expect(v.parse(DownlinkMessageSchema, { ...documented, timestamp: '1700000000000' }).timestamp).toBe('1700000000000');
    expect(v.parse(DownlinkMessageSchema, { ...documented, timestamp: 1700000000000 }).timestamp).toBe(1700000000000);
    expect(v.safeParse(DownlinkMessageSchema, { ...documented, timestamp: true }).success).toBe(false);
  });

  it('reads isOfflineStatus from a boolean or "true"/"false", absent as false', () => {
    expect(v.parse(DownlinkMessageSchema, { ...documented, isOfflineStatus: 'true' }).isOfflineStatus).toBe(true);
    expect(v.parse(DownlinkMessageSchema, { ...documented, isOfflineStatus: 'false' }).isOfflineStatus).toBe(false);
    const { isOfflineStatus: _omitted, ...without } = documented;
    expect(v.parse(DownlinkMessageSchema, without).isOfflineStatus).toBe(false);
    expect(v.safeParse(DownlinkMessageSchema, { ...documented, isOfflineStatus: 'yes' }).success).toBe(false);
  });

  it('lets unknown fields and undocumented enumeration values pass through', () => {
    const message = v.parse(DownlinkMessageSchema, {
      ...documented,
      mediaType: 'STICKER',
      sourceType: 'BOT2',
      handlerType: 3,
      brandNew: { a: 1 },
    });
    expect(message.mediaType).toBe('STICKER');
    expect(message.sourceType).toBe('BOT2');
    expect((message as Record<string, unknown>).brandNew).toEqual({ a: 1 });
  });

  it('accepts READ receipts whose content is an array, robot extras and nulls', () => {
    const message = v.parse(DownlinkMessageSchema, {
      ...documented,
      controlType: 'READ',
      content: ['m-1', 'm-2'],
      interIdx: 3,
      simQuestions: ['How do I reset my password?'],
      contentType: null,
      senderAvatar: null,
    });
    expect(message.content).toEqual(['m-1', 'm-2']);
    expect(message.interIdx).toBe(3);
  });

  it('accepts absent or null enumerations (READ receipts without sourceType) and reports a wrong type by field, not value', () => {
    const { sourceType: _none, ...receipt } = { ...documented, controlType: 'READ', content: ['m-1'] };
    expect(v.parse(DownlinkMessageSchema, receipt).sourceType).toBeUndefined();
    expect(v.parse(DownlinkMessageSchema, { ...documented, mediaType: null }).mediaType).toBeNull();
    const result = v.safeParse(DownlinkMessageSchema, { ...documented, controlType: 7, sourceType: 42 });
    expect(result.success).toBe(false);
    const paths = result.issues?.map((issue) => v.getDotPath(issue));
    expect(paths).toEqual(['controlType', 'sourceType']);
    expect(result.issues?.map((issue) => issue.message)).toEqual(['must be a string', 'must be a string']);
  });
});
