/// <reference types="node" />
// Every callback sample of the conformance corpus (tests/conformance/corpus/tencent, vendor pages with their
// dates), sent as published — normalised only where the page is not JSON (comments, a missing comma; see the
// corpus index) — must verify as a typed event: a real callback is never `known: false` for an optional field.
import { signCallback } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { samples as readSamples } from '../../../../tests/conformance/test/support/corpus.js';
import { canonicalCallbackCommand, isKnownCallbackCommand } from './known-callback-commands.js';
import { verifyLiveCallback } from './verify-live-callback.js';

const SDK_APP_ID = 1400000000;
const TOKEN = 'corpus-token';
const REQUEST_TIME = 1_800_000_000;

// The conformance suite's own reader of the corpus (every callback sample with a JSON text, and its doc page).
const samples = readSamples('tencent', 'callback')
  .filter((entry): entry is typeof entry & { command: string } => typeof entry.command === 'string')
  .map((entry) => ({ ...entry, body: entry.text }));

function post(command: string, body: string): Request {
  const sign = signCallback({ token: TOKEN, requestTime: REQUEST_TIME });
  const url = `https://receiver.example/cb?SdkAppid=${SDK_APP_ID}&CallbackCommand=${encodeURIComponent(command)}&contenttype=json&Sign=${sign}&RequestTime=${REQUEST_TIME}`;
  return new Request(url, { method: 'POST', body });
}

describe('verifyLiveCallback with the vendor samples of the conformance corpus', () => {
  it('has samples of every command tokenwire types in full', () => {
    const commands = new Set(samples.map((sample) => canonicalCallbackCommand(sample.command)));
    for (const command of [
      'Live.CallbackAfterCreateRoom',
      'Live.CallbackAfterDestroyRoom',
      'Live.CallbackAfterUpdateRoomInfo',
      'Live.CallbackAfterMemberStateChanged',
      'Live.CallbackAfterChangeOwner',
      'Live.CallbackBeforeSendGift',
      'Live.CallbackAfterCloudRecordingChanged',
    ]) {
      expect(commands).toContain(command);
    }
  });

  it.each(samples.map((sample) => [sample.normalisedFile ?? sample.file, sample] as const))(
    '%s arrives as a typed event',
    async (_file, sample) => {
      expect(isKnownCallbackCommand(canonicalCallbackCommand(sample.command)), `${sample.command} is not a known command`).toBe(true);
      const event = await verifyLiveCallback(post(sample.command, sample.body), {
        sdkAppId: SDK_APP_ID,
        tokens: TOKEN,
        now: () => REQUEST_TIME * 1000,
      });
      expect(event, `${sample.page.url}: ${event.known ? '' : event.shapeIssues}`).toMatchObject({
        known: true,
        command: canonicalCallbackCommand(sample.command),
        rawBody: sample.body,
        commandMismatch: undefined,
      });
      const parsed = JSON.parse(sample.body) as {
        EventTime?: unknown;
        RoomInfo?: { EventTime?: unknown };
        EventInfo?: { EventMsTs?: unknown };
      };
      const documentedTime = parsed.EventTime ?? parsed.RoomInfo?.EventTime ?? parsed.EventInfo?.EventMsTs;
      expect(event.eventTime).toBe(documentedTime === undefined ? undefined : Number(documentedTime));
    },
  );
});
