import { HttpStatusError, NetworkError, RequestAbortedError, TimeoutError, ValidationError } from '@tokenwire/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_SECRET,
  CHANNEL_ID,
  createTestBed,
  DIALECTS,
  dialectTestBed,
  TEST_POLL_TIMEOUT_MS,
  textsOfError,
  type TestBed,
} from '../../test/harness.js';
import { AiccApiError } from '../errors/aicc-api-error.js';
import { FabricAuthError } from '../errors/fabric-auth-error.js';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import { createAiccSession, type AiccSession, type AiccSessionOptions } from './create-aicc-session.js';
import { downloadFile } from './download-file.js';
import { leaveMessage } from './leave-message.js';
import { queryPhrases } from './phrases.js';
import { sendRobotFeedback } from './robot-feedback.js';
import { sendFile } from './send-file.js';
import { querySurveyMode } from './survey-mode.js';
import { uploadFile } from './upload-file.js';

const PREFIX = '/apiaccess/ccmessaging/';
const path = (api: string) => `${PREFIX}${api}`;

let bed: TestBed;
afterEach(() => bed?.emulator.close());

function sessionFor(testBed: TestBed, overrides: Partial<AiccSessionOptions> = {}, clientOptions = {}): AiccSession {
  return createAiccSession(testBed.client(clientOptions), { ...testBed.user(), pollTimeoutMs: TEST_POLL_TIMEOUT_MS, ...overrides });
}

/** Polls until `done` holds for everything received so far (each poll answers at once when messages wait). */
async function pollUntil(session: AiccSession, done: (messages: DownlinkMessage[]) => boolean, maxPolls = 20): Promise<DownlinkMessage[]> {
  const received: DownlinkMessage[] = [];
  for (let count = 0; count < maxPolls && !done(received); count++) received.push(...(await session.poll()).messages);
  expect(done(received), JSON.stringify(received.map((message) => message.content))).toBe(true);
  return received;
}

/** Resolves when the client first sends a request to `target` (installed as an intercept). */
function whenRequested(testBed: TestBed, target: string): Promise<void> {
  let reached: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (reached = resolve));
  testBed.intercept((next) => async (request) => {
    if (new URL(request.url).pathname === target) reached();
    return next(request);
  });
  return promise;
}

describe.each(DIALECTS)('against the %s dialect', (dialect) => {
  const testBed = dialectTestBed(dialect);

  describe('a chat session', () => {
    it('runs a whole chat: connect → robot answer via poll → feedback → transfer → queue → agent → rating → disconnect', async () => {
      bed = testBed();
      const session = sessionFor(bed, { userAgent: 'test-agent/1.0', senderAvatar: 'https://example.com/ada.png' });

      expect(await session.connect()).toMatchObject({ resultCode: '0', resultDesc: 'connect to robot successfully.' });
      const greeting = await pollUntil(session, (messages) => messages.length >= 2);
      expect(greeting.map((message) => [message.controlType, message.sourceType])).toEqual([
        ['CONNECT', 'ROBOT'],
        ['CHAT', 'ROBOT'],
      ]);

      await session.typing();
      expect(await session.send('I forgot my password')).toMatchObject({
        resultCode: '0',
        resultDesc: 'Send message to robot successfully',
      });
      const [answer] = await pollUntil(session, (messages) => messages.length >= 1);
      expect(answer).toMatchObject({ sourceType: 'ROBOT', controlType: 'CHAT', mediaType: 'TEXT', isOfflineStatus: false });
      expect(answer!.interIdx).toBeDefined();
      await sendRobotFeedback(session, { interIdx: answer!.interIdx!, satisfied: false, feedbackContent: 'Too generic' });
      expect(bed.emulator.state.aicc!.robotFeedbacks).toMatchObject([{ userId: 'user-1', feedback: 0, feedbackContent: 'Too generic' }]);

      await session.transferToAgent();
      const [queuing] = await pollUntil(session, (messages) => messages.length >= 1);
      expect(queuing).toMatchObject({ sourceType: 'SYSTEM', queueFlag: 'Y', content: 'Queuing...' });
      expect(await session.queueInfo()).toMatchObject({ queuing: true, position: 1, estimateWaitTime: 60 });

      expect(bed.aicc.joinAgent('user-1')).toBe(true);
      const [joined] = await pollUntil(session, (messages) => messages.length >= 1);
      expect(joined).toMatchObject({ sourceType: 'AGENT', controlType: 'CONNECT', content: 'connected to agent' });
      expect(await session.queueInfo()).toEqual({
        queuing: false,
        transferredTo: 'agent',
        resultCode: '160021',
        resultDesc: 'the session has been transferred to an agent.',
      });

      await session.sendAsync('Order 42 has not arrived');
      const afterChat = await pollUntil(session, (messages) =>
        messages.some((message) => message.sourceType === 'AGENT' && message.controlType === 'CHAT'),
      );
      expect(afterChat.find((message) => message.controlType === 'CHAT')?.content).toContain('Order 42 has not arrived');
      await session.markRead(afterChat.map((message) => message.messageCode!).filter(Boolean));

      const survey = await querySurveyMode(session, { language: 'en_US' });
      expect(survey.surveyType).toBe('WEB');
      expect(survey.satisfactionLevel.map((level) => level.satisfactionLevelKey)).toEqual(['1', '2', '3', '4', '5']);
      await session.saveSatisfaction({ evaluation: 5, comment: 'Quick help', npsScore: 9, resolved: true });
      expect(bed.emulator.state.aicc!.satisfactions).toMatchObject([
        { evaluation: '5', comment: 'Quick help', npsScore: '9', fcrValue: '1' },
      ]);

      await session.disconnect();
      const [goodbye] = await pollUntil(session, (messages) => messages.length >= 1);
      expect(goodbye).toMatchObject({ controlType: 'DISCONNECT', isOfflineStatus: true });
      expect(bed.emulator.state.aicc!.sessions.get('user-1')?.status).toBe('closed');

      // One token for the whole chat, and every send carried the documented sendMsgReq fields.
      expect(bed.emulator.state.aicc!.counters.issuedMessageTokens).toBe(1);
      const sends = [...bed.recorder.to(path('send')), ...bed.recorder.to(path('sendAsync'))].map((request) => JSON.parse(request.body));
      for (const body of sends) {
        expect(body).toMatchObject({
          channel: 'WEB',
          from: 'user-1',
          to: CHANNEL_ID,
          sourceType: 'CUSTOMER',
          senderNickname: 'Name of user-1',
          userAgent: 'test-agent/1.0',
          senderAvatar: 'https://example.com/ada.png',
          timestamp: String(bed.clock.now()),
        });
      }
      expect(sends.map((body) => body.controlType)).toEqual(['CONNECT', 'INPUT', 'CHAT', 'TRANS2AGENT', 'READ', 'DISCONNECT', 'CHAT']);
      const polls = bed.recorder.to(path('poll'));
      expect(polls.every((request) => request.method === 'GET' && request.url.search === '?receiverId=user-1&channel=WEB')).toBe(true);
    });

    it('messages() yields every message and ends after the one with isOfflineStatus', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      const received: DownlinkMessage[] = [];
      for await (const message of session.messages()) {
        received.push(message);
        if (received.length === 2) await session.send('shipping');
        if (received.length === 3) expect(bed.aicc.endSession('user-1', 'The agent ended the chat.')).toBe(true);
      }
      expect(received.map((message) => message.sourceType)).toEqual(['ROBOT', 'ROBOT', 'ROBOT', 'SYSTEM']);
      expect(received.at(-1)).toMatchObject({ isOfflineStatus: true, content: 'The agent ended the chat.', controlType: 'DISCONNECT' });
    });

    it('messages() ends after disconnect(), and a later stream runs again after a new connect', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      const stream = session.messages();
      expect((await stream.next()).value).toMatchObject({ controlType: 'CONNECT' });
      const pollsBefore = bed.recorder.to(path('poll')).length;
      await session.disconnect();
      const rest: DownlinkMessage[] = [];
      for await (const message of stream) rest.push(message);
      // The rest of the batch already taken (the greeting) is still delivered; no further poll is made.
      expect(rest.map((message) => message.sourceType)).toEqual(['ROBOT']);
      expect(bed.recorder.to(path('poll'))).toHaveLength(pollsBefore);
      expect((await session.poll()).messages).toMatchObject([{ isOfflineStatus: true }]);

      await session.connect();
      const again = session.messages();
      expect((await again.next()).value).toMatchObject({ controlType: 'CONNECT', content: 'connected to robot' });
      await again.return();
    });

    it('a returning user’s new session is neither ended nor polluted by the previous session’s queued messages (its DISCONNECT)', async () => {
      bed = testBed({ aicc: { robotReplyDelayMs: 300 } });
      const earlier = sessionFor(bed);
      await earlier.connect();
      await earlier.send('shipping'); // answered later: still queued when the session ends
      await earlier.disconnect(); // its SYSTEM DISCONNECT (isOfflineStatus) stays queued for the user
      await new Promise((resolve) => setTimeout(resolve, 350));
      const session = sessionFor(bed);
      await session.connect();
      await session.send('refund');
      const received: DownlinkMessage[] = [];
      for await (const message of session.messages()) {
        received.push(message);
        if (message.sourceType === 'ROBOT' && message.controlType === 'CHAT' && received.length > 2) break;
      }
      const callIds = new Set(received.map((message) => message.callId));
      expect(callIds.size).toBe(1);
      expect(callIds.has(bed.aicc.state.sessions.get('user-1')?.callId)).toBe(true);
      expect(received.some((message) => message.isOfflineStatus)).toBe(false);
      expect(received.map((message) => message.controlType)).toEqual(['CONNECT', 'CHAT', 'CHAT']);
      expect(received.at(-1)?.content).toMatch(/refund/i);
    });

    it('tells an earlier session’s messages without callId (AICC’s samples send null) by their time: older than this session’s CONNECT', async () => {
      bed = testBed();
      bed.intercept((next) => async (request) => {
        const response = await next(request);
        if (!request.url.endsWith('channel=WEB')) return response;
        const body = (await response.json()) as { downlinkMessages: Record<string, unknown>[] };
        for (const message of body.downlinkMessages) message.callId = null;
        return Response.json(body);
      });
      const earlier = sessionFor(bed);
      await earlier.connect();
      await earlier.disconnect();
      bed.clock.advance(1);
      const session = sessionFor(bed);
      await session.connect();
      const { messages } = await session.poll();
      expect(messages.map((message) => message.controlType)).toEqual(['CONNECT', 'CHAT']);
      expect(messages.some((message) => message.isOfflineStatus)).toBe(false);
    });

    it('a session that never connected is not filtered: it may be resuming a chat another page opened', async () => {
      bed = testBed();
      const earlier = sessionFor(bed);
      await earlier.connect();
      await earlier.disconnect();
      const resumed = sessionFor(bed);
      const { messages } = await resumed.poll();
      expect(messages.map((message) => message.controlType)).toEqual(['CONNECT', 'CHAT', 'DISCONNECT']);
    });

    it('ask() resolves with the robot’s answer to the text, skipping the greeting and the CONNECT message still queued', async () => {
      bed = testBed({ aicc: { robotReplyDelayMs: 300 } });
      const session = sessionFor(bed);
      await session.connect();
      bed.clock.advance(1);
      const answer = await session.ask('refund');
      expect(answer).toMatchObject({ sourceType: 'ROBOT', controlType: 'CHAT' });
      expect(answer.content).toMatch(/refund/i);
      expect(answer.content).not.toMatch(/^Hello/);
    });

    it('ask() and a messages() loop running at the same time both see the answer; the loop misses nothing', async () => {
      bed = testBed({ aicc: { robotReplyDelayMs: 300 } });
      const session = sessionFor(bed);
      await session.connect();
      bed.clock.advance(1);
      const controller = new AbortController();
      const looped: DownlinkMessage[] = [];
      const loop = (async () => {
        for await (const message of session.messages({ signal: controller.signal })) {
          looped.push(message);
          if (looped.length === 3) controller.abort();
        }
      })();
      const answer = await session.ask('refund', { signal: AbortSignal.timeout(5_000) });
      await loop;
      expect(looped.map((message) => message.controlType)).toEqual(['CONNECT', 'CHAT', 'CHAT']);
      expect(looped[2]).toEqual(answer);
      expect(bed.emulator.state.aicc!.pendingMessages.get('user-1') ?? []).toEqual([]);
    });

    it('ask() gives up when its signal aborts (a timeout), and rejects when the chat ends before an answer', async () => {
      bed = testBed({ aicc: { robotReplyDelayMs: 60_000 } });
      const session = sessionFor(bed);
      await session.connect();
      bed.clock.advance(1);
      const controller = new AbortController();
      const asked = session.ask('refund', { signal: controller.signal }).catch((caught: unknown) => caught);
      await new Promise((resolve) => setTimeout(resolve, 30));
      controller.abort(new Error('timed out'));
      expect(RequestAbortedError.isInstance(await asked)).toBe(true);

      const ending = session.ask('shipping').catch((caught: unknown) => caught);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(bed.aicc.endSession('user-1', 'The agent ended the chat.')).toBe(true);
      const error = await ending;
      expect(error).toMatchObject({ name: 'TokenwireError', message: 'The chat ended before the question was answered' });
    });

    it('messages() ends quietly at once when the stream’s own signal aborts a held poll (for await just stops)', async () => {
      bed = testBed({ aicc: { pollHoldMs: 60_000 } });
      const session = sessionFor(bed);
      await session.connect();
      await session.poll();
      const controller = new AbortController();
      const received: DownlinkMessage[] = [];
      const loop = (async () => {
        for await (const message of session.messages({ signal: controller.signal })) received.push(message);
        return 'ended';
      })();
      await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort(new Error('page closed'));
      // The loop just stops: no RequestAbortedError thrown into it.
      expect(await loop).toBe('ended');
      expect(received).toEqual([]);
    });

    it('messages() rides out errors with backoff and, with maxConsecutiveFailures, gives up with the error when they persist', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.emulator.faults.add({ route: path('poll'), fault: { kind: 'http-status', status: 502 }, times: 6 });
      const stream = session.messages({ retry: { limit: 10 } });
      expect((await stream.next()).value).toMatchObject({ controlType: 'CONNECT' });
      expect(bed.time.backoffs).toHaveLength(6);

      bed.emulator.faults.add({ route: path('poll'), fault: 'drop-connection' });
      const errors: unknown[] = [];
      const failing = session.messages({ retry: { limit: 2 }, maxConsecutiveFailures: 1, onError: (error) => errors.push(error) });
      const error = await failing.next().catch((caught: unknown) => caught);
      expect(NetworkError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ path: path('poll'), attempt: 3 });
      expect(errors).toEqual([]);
    });

    it('poll() and messages() deliver a whole batch when one message is odd (a READ receipt without sourceType, a broken field)', async () => {
      bed = testBed();
      const agent = {
        channel: 'WEB',
        content: 'Hi, I am Alice',
        mediaType: 'TEXT',
        controlType: 'CHAT',
        sourceType: 'AGENT',
        isOfflineStatus: false,
        messageCode: 'a-1',
      };
      const receipt = { channel: 'WEB', content: '["u-1"]', mediaType: 'TEXT', controlType: 'READ', isOfflineStatus: false };
      const broken = { ...agent, messageCode: 'a-2', timestamp: { when: 'now' } };
      const goodbye = { ...agent, messageCode: 'a-3', controlType: 'DISCONNECT', isOfflineStatus: true };
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === path('poll')
            ? Response.json({
                resultCode: '0',
                resultDesc: 'query user messages success.',
                downlinkMessages: [agent, receipt, broken, goodbye],
              })
            : next(request),
      );
      const session = sessionFor(bed);
      const { messages } = await session.poll({ isNeedRead: true });
      expect(messages).toHaveLength(4);
      expect(messages[0]).toEqual(agent);
      expect(messages[1]).toEqual(receipt);
      expect(messages[2]).toMatchObject({
        messageCode: 'a-2',
        unreadable: { raw: broken, issues: ['timestamp: must be a string or a number'] },
      });
      const streamed: DownlinkMessage[] = [];
      for await (const message of session.messages()) streamed.push(message);
      expect(streamed.map((message) => message.messageCode ?? message.controlType)).toEqual(['a-1', 'READ', 'a-2', 'a-3']);
    });

    it('messages() validates its options before polling', () => {
      bed = testBed();
      const session = sessionFor(bed);
      expect(() => session.messages({ signal: 'stop' } as never)).toThrow(ValidationError);
      expect(() => session.messages({ retry: { limit: 1.5 } })).toThrow('retry.limit: must be an integer');
      expect(bed.recorder.requests).toHaveLength(0);
    });
  });

  describe('the session’s ccmessaging-token', () => {
    it('is applied on the first call, once for concurrent first calls', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      expect(session.tokenExpiresAtMs).toBeUndefined();
      await Promise.all(Array.from({ length: 10 }, () => session.history()));
      expect(bed.recorder.to(path('applyToken'))).toHaveLength(1);
      expect(session.tokenExpiresAtMs).toBe(bed.clock.now() + 3_600_000);
    });

    it('is re-applied a minute before its hour is up, before AICC rejects it', async () => {
      bed = testBed({ aicc: { rotateWithinSeconds: 0 } });
      const session = sessionFor(bed);
      await session.history();
      bed.clock.advance(3_539_000);
      await session.history();
      expect(bed.recorder.to(path('applyToken'))).toHaveLength(1);
      bed.clock.advance(2_000);
      await session.history();
      expect(bed.recorder.to(path('applyToken'))).toHaveLength(2);
      expect(bed.emulator.state.aicc!.counters.rejectedMessageTokens).toBe(0);
    });

    it('adopts a token rotated in the ccmessaging-token response header for every later call', async () => {
      bed = testBed();
      const changes: string[] = [];
      const session = sessionFor(bed, { onTokenChange: (change) => changes.push(change) });
      await session.connect();
      const [first] = bed.emulator.state.aicc!.messageTokens.keys();
      // 56 minutes on, the token has 4 minutes left: AICC rotates it (within 5 minutes), the client does not yet.
      bed.clock.advance(56 * 60_000);
      await session.history();
      const rotated = bed.recorder.responses.at(-1)!.headers.get('ccmessaging-token');
      expect(rotated).not.toBeNull();
      expect(rotated).not.toBe(first);
      expect(session.tokenExpiresAtMs).toBe(bed.clock.now() + 3_600_000);
      await session.history();
      await session.send('hello');
      expect(bed.recorder.requests.slice(-2).map((request) => request.headers.get('ccmessaging-token'))).toEqual([rotated, rotated]);
      // Past the first token's expiry the session still works with the rotated one — no 401, no new applyToken.
      bed.clock.advance(10 * 60_000);
      await session.history();
      const counters = bed.emulator.state.aicc!.counters;
      expect(counters).toMatchObject({ issuedMessageTokens: 1, rotatedMessageTokens: 1, rejectedMessageTokens: 0 });
      expect(changes).toEqual(['applied', 'rotated']);
    });

    it('survives a 401 storm: 20 concurrent calls cause exactly one applyToken and each is replayed once', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      const before = bed.emulator.state.aicc!.counters.issuedMessageTokens;
      const historyCallsBefore = bed.recorder.to(path('queryHistoryChatMessage')).length;
      bed.aicc.expireMessageTokens();
      const pages = await Promise.all(Array.from({ length: 20 }, () => session.history({ limit: 5 })));
      expect(pages).toHaveLength(20);
      const counters = bed.emulator.state.aicc!.counters;
      expect(counters.issuedMessageTokens - before).toBe(1);
      expect(counters.rejectedMessageTokens).toBe(20);
      expect(bed.recorder.to(path('applyToken'))).toHaveLength(2);
      expect(bed.recorder.to(path('queryHistoryChatMessage')).length - historyCallsBefore).toBe(40);
      expect(bed.emulator.log.entries({ route: path('applyToken') })).toHaveLength(2);
    });

    it('hands a 401 that persists after the re-apply to the caller, without a loop', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.history();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === path('queryHistoryChatMessage')
            ? Response.json({ resultCode: '1', resultDesc: 'authentication failed' }, { status: 401 })
            : next(request),
      );
      const error = await session.history().catch((caught: unknown) => caught);
      expect(HttpStatusError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 401, path: path('queryHistoryChatMessage'), retryable: false });
      expect(bed.recorder.to(path('applyToken'))).toHaveLength(2);
    });

    it('recovers from a Fabric 403 mid-session: new AccessToken, same ccmessaging-token, call replayed', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.aicc.expireAccessTokens();
      await Promise.all([session.send('hello'), session.history(), session.typing()]);
      const counters = bed.emulator.state.aicc!.counters;
      expect(counters).toMatchObject({ issuedAccessTokens: 2, rejectedAccessTokens: 3, issuedMessageTokens: 1 });
    });

    it('renews both tokens when a long poll still gets 403 after a new AccessToken (devg-voip cec_05_1010): 10 concurrent polls, one refresh, one applyToken', async () => {
      bed = testBed({ aicc: { pollTokenRejectionStatus: 403 } });
      const changes: string[] = [];
      const session = sessionFor(bed, { onTokenChange: (change) => changes.push(change) });
      await session.connect();
      await session.poll();
      bed.aicc.expireAllTokens();
      bed.aicc.pushMessage('user-1', { content: 'Are you still there?' });
      const results = await Promise.all(Array.from({ length: 10 }, () => session.poll()));
      expect(results.flatMap((result) => result.messages.map((message) => message.content))).toEqual(['Are you still there?']);
      expect(bed.recorder.to('/apigovernance/api/oauth/tokenByAkSk')).toHaveLength(2);
      expect(bed.recorder.to(path('applyToken'))).toHaveLength(2);
      expect(bed.emulator.state.aicc!.counters).toMatchObject({
        issuedAccessTokens: 2,
        issuedMessageTokens: 2,
        rejectedAccessTokens: 10,
        rejectedMessageTokens: 10,
      });
      // First with the expired AccessToken (403), then with a new one and the expired ccmessaging-token (403), then both renewed.
      expect(
        bed.recorder.responses
          .filter((response) => response.path === path('poll'))
          .map((response) => response.status)
          .slice(1),
      ).toEqual([...Array(10).fill(403), ...Array(10).fill(403), ...Array(10).fill(200)]);
      expect(changes).toEqual(['applied', 'applied']);
    });

    it('renews both tokens after the emulator expired both, in this dialect’s own way (401 or 403 after the new AccessToken)', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      await session.poll();
      bed.aicc.expireAllTokens();
      await Promise.all([session.poll(), session.history(), session.send('back again')]);
      expect(bed.emulator.state.aicc!.counters).toMatchObject({ issuedAccessTokens: 2, issuedMessageTokens: 2 });
      const secondPoll = bed.recorder.responses.filter((response) => response.path === path('poll'))[2];
      expect(secondPoll?.status).toBe(dialect === 'developer-guide' ? 403 : 401);
    });

    it('gives up with FabricAuthError when a 403 persists after both renewals; 20 concurrent calls fetch a bounded number of AccessTokens', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      let polls = 0;
      bed.intercept((next) => async (request) => {
        if (new URL(request.url).pathname !== path('poll')) return next(request);
        polls++;
        return Response.json(
          { errorCode: '10010000001', exceptionInfo: `auth fail! ${request.headers.get('ccmessaging-token')}` },
          { status: 403 },
        );
      });
      const errors = await Promise.all(Array.from({ length: 20 }, () => session.poll().catch((caught: unknown) => caught)));
      for (const error of errors) {
        expect(FabricAuthError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ reason: 'access_token_rejected', status: 403, path: path('poll'), retryable: false });
        expect((error as FabricAuthError).exceptionInfo).toBe('auth fail! ***');
      }
      // One AccessToken at the start, one refresh for the whole wave; one applyToken at the start, one re-apply.
      expect(bed.recorder.to('/apigovernance/api/oauth/tokenByAkSk')).toHaveLength(2);
      expect(bed.recorder.to(path('applyToken'))).toHaveLength(2);
      // Each poll: the first attempt, the replay with the new AccessToken, the replay with the new ccmessaging-token.
      expect(polls).toBe(60);
    });

    it('gives up with FabricAuthError when API Fabric refuses everything but tokenByAkSk (an IP whitelist), fetching a bounded number of AccessTokens', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname.startsWith('/apiaccess/')
            ? Response.json({ errorCode: '10010000001', exceptionInfo: 'auth fail!' }, { status: 403 })
            : next(request),
      );
      const errors = await Promise.all(Array.from({ length: 20 }, () => session.history().catch((caught: unknown) => caught)));
      expect(errors.every((error) => FabricAuthError.isInstance(error) && error.reason === 'access_token_rejected')).toBe(true);
      expect(bed.recorder.to('/apigovernance/api/oauth/tokenByAkSk').length).toBeLessThanOrEqual(3);
      expect(bed.recorder.to(path('applyToken')).length).toBeLessThanOrEqual(3);
    });

    it('never puts a token or the app secret into an error', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === path('send')
            ? Response.json({
                resultCode: '13',
                resultDesc: `failed for ${request.headers.get('ccmessaging-token')} ${request.headers.get('authorization')}`,
              })
            : next(request),
      );
      const error = await session.send('hello').catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      const text = textsOfError(error);
      for (const token of [...bed.emulator.state.aicc!.messageTokens.keys(), ...bed.emulator.state.aicc!.accessTokens.keys(), APP_SECRET]) {
        expect(text).not.toContain(token);
      }
      expect((error as AiccApiError).description).toBe('failed for *** Bearer ***');
    });

    it('never shows a token or the app secret when the client or session is serialised or enumerated', async () => {
      bed = testBed();
      const client = bed.client();
      const session = createAiccSession(client, { ...bed.user(), pollTimeoutMs: TEST_POLL_TIMEOUT_MS });
      await session.connect();
      const [accessToken] = bed.emulator.state.aicc!.accessTokens.keys();
      const [messageToken] = bed.emulator.state.aicc!.messageTokens.keys();
      expect(client.accessTokens.grant?.accessToken).toBe(accessToken);

      /** Every enumerable value reachable from `value` (what Object.keys/entries, spreads and util.inspect show). */
      const enumerated = (value: unknown, seen = new Set<unknown>()): string[] => {
        if (typeof value !== 'object' || value === null || seen.has(value)) return [String(value)];
        seen.add(value);
        return Object.entries(value).flatMap(([key, item]) => [key, ...enumerated(item, seen)]);
      };
      const shown = [
        JSON.stringify(client),
        JSON.stringify(session),
        JSON.stringify(client.accessTokens.grant),
        JSON.stringify({ ...client.accessTokens.grant }),
        ...enumerated(client),
        ...enumerated(session),
        ...enumerated(client.accessTokens.grant),
      ].join('\n');
      expect(shown).toContain(client.endpoint);
      for (const secret of [accessToken!, messageToken!, APP_SECRET]) expect(shown).not.toContain(secret);
      expect(JSON.parse(JSON.stringify(client.accessTokens.grant))).toEqual({
        obtainedAtMs: expect.any(Number),
        expiresAtMs: expect.any(Number),
        refreshAtMs: expect.any(Number),
      });
    });
  });

  describe('retries and faults', () => {
    it('repeats a poll after 502s with backoff', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.emulator.faults.add({ route: path('poll'), fault: { kind: 'http-status', status: 502 }, times: 2 });
      const { messages } = await session.poll();
      expect(messages.length).toBeGreaterThan(0);
      expect(bed.time.backoffs).toEqual([100, 200]);
    });

    it('does not repeat a CHAT message after an ambiguous failure (502, dropped connection), but repeats CONNECT', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      bed.emulator.faults.add({ route: path('send'), fault: 'drop-connection', times: 1 });
      await session.connect();
      expect(bed.recorder.to(path('send'))).toHaveLength(2);

      bed.emulator.faults.add({ route: path('send'), fault: { kind: 'http-status', status: 502 }, times: 1 });
      const bad = await session.send('only once').catch((caught: unknown) => caught);
      expect(HttpStatusError.isInstance(bad)).toBe(true);
      expect(bad).toMatchObject({ status: 502, retryable: true, attempt: 1 });
      bed.emulator.faults.add({ route: path('send'), fault: 'drop-connection', times: 1 });
      const dropped = await session.send('only once').catch((caught: unknown) => caught);
      expect(NetworkError.isInstance(dropped)).toBe(true);
      expect(bed.recorder.to(path('send'))).toHaveLength(4);
      expect(bed.emulator.state.aicc!.messages.get('user-1')?.filter((message) => message.content === 'only once')).toHaveLength(0);
    });

    it('repeats a CHAT message after answers proving it was not processed (503, flow control)', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.emulator.faults.add({ route: path('send'), fault: { kind: 'http-status', status: 503 }, times: 1 });
      bed.emulator.faults.add({ route: path('send'), fault: 'rate-limit', times: 1 });
      await session.send('delivered once');
      expect(bed.recorder.to(path('send'))).toHaveLength(4);
      expect(bed.emulator.state.aicc!.messages.get('user-1')?.filter((message) => message.content === 'delivered once')).toHaveLength(1);
    });

    it('repeats a CHAT message after a real HTTP 429, waiting as its Retry-After says', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      let throttled = 0;
      bed.intercept((next) => async (request) => {
        if (new URL(request.url).pathname !== path('send') || throttled > 0) return next(request);
        throttled += 1;
        return new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '2' } });
      });
      const backoffsBefore = bed.time.backoffs.length;
      await session.send('after the 429');
      expect(throttled).toBe(1);
      expect(bed.time.backoffs.slice(backoffsBefore)).toEqual([2_000]);
      expect(bed.emulator.state.aicc!.messages.get('user-1')?.filter((message) => message.content === 'after the 429')).toHaveLength(1);
    });

    it('reports a transient AICC failure (resultCode 13) as AiccApiError without repeating it', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.emulator.faults.add({ route: path('queryHistoryChatMessage'), fault: 'transient', times: 1 });
      const error = await session.history().catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: '13', description: 'Exception appeared!', retryable: false });
      expect(bed.recorder.to(path('queryHistoryChatMessage'))).toHaveLength(1);
    });

    it('repeats a poll whose answer is not JSON', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.emulator.faults.add({ route: path('poll'), fault: 'malformed-json', times: 1 });
      expect((await session.poll()).messages.length).toBeGreaterThan(0);
      expect(bed.recorder.to(path('poll'))).toHaveLength(2);
    });

    it('aborts a stalled poll through its signal', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.emulator.faults.add({ route: path('poll'), fault: 'stall-body', times: 1 });
      const reached = whenRequested(bed, path('poll'));
      const controller = new AbortController();
      const pending = session.poll({ signal: controller.signal }).catch((caught: unknown) => caught);
      await reached;
      await new Promise((resolve) => setTimeout(resolve, 0));
      controller.abort(new Error('user closed the chat'));
      const error = await pending;
      expect(RequestAbortedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ path: path('poll') });
      expect(bed.emulator.log.entries({ route: path('poll'), outcome: 'stalled' })).toHaveLength(1);
    });

    it('gives up on a stalled poll at the poll deadline, which is separate from the client timeout', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      bed.emulator.faults.add({ route: path('poll'), fault: 'stall-body', times: 1 });
      const reached = whenRequested(bed, path('poll'));
      const pending = session.poll({ retry: false }).catch((caught: unknown) => caught);
      await reached;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(bed.time.pendingDeadlines).toBe(1);
      bed.time.expireDeadlines();
      const error = await pending;
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ timeoutMs: TEST_POLL_TIMEOUT_MS, path: path('poll') });
    });
  });

  describe('files', () => {
    it('uploads, sends and downloads a file; sendFile uploads first, then sends the objectKey', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      const bytes = new TextEncoder().encode('hello, agent');
      const uploaded = await uploadFile(session, { bytes, fileType: 'TXT' });
      expect(uploaded).toMatchObject({ fileType: 'txt', size: bytes.length, objectKey: expect.stringMatching(/\.txt$/) });
      const [upload] = bed.recorder.to(path('uploadFileStream'));
      expect(JSON.parse(upload!.body)).toEqual({ fileType: 'txt', fileStream: 'aGVsbG8sIGFnZW50', channel: 'WEB' });

      const downloaded = await downloadFile(session, { fileId: uploaded.objectKey, fileType: 'txt' });
      expect(downloaded.bytes).toEqual(bytes);
      const local = await downloadFile(session, { fileId: uploaded.objectKey, fileType: 'txt', local: true, multiMedia: true });
      expect(local.bytes).toEqual(bytes);
      expect(JSON.parse(bed.recorder.to(path('downloadFileStream'))[1]!.body)).toMatchObject({
        fileId: `local/${uploaded.objectKey}`,
        multiMedia: 'multiMedia',
      });

      await sendFile(session, { mediaType: 'FILE', fileName: 'hello.txt', file: { bytes, fileType: 'txt' } });
      const sent = JSON.parse(bed.recorder.to(path('send')).at(-1)!.body) as { mediaType: string; content: string };
      const objectKey = sent.content.split(',')[2]!;
      expect(sent).toMatchObject({ mediaType: 'FILE', content: `hello.txt,${bytes.length},${objectKey},txt` });
      expect(bed.emulator.state.aicc!.uploads.get(objectKey)?.bytes).toEqual(bytes);
      await session.send({ mediaType: 'IMAGE', objectKey, extension: 'txt' });
    });

    it('enforces the upload and download limits', async () => {
      bed = testBed({ aicc: { downloadMaxBytes: 64 } });
      const session = sessionFor(bed, { maxUploadBytes: 100, maxDownloadBytes: 10 });
      const tooBig = await uploadFile(session, { bytes: new Uint8Array(101), fileType: 'png' }).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(tooBig)).toBe(true);
      expect((tooBig as Error).message).toContain("bytes: must be at most 100 bytes (the session's maxUploadBytes); got 101");
      const viaSendFile = await sendFile(session, { mediaType: 'IMAGE', file: { bytes: new Uint8Array(101), fileType: 'png' } }).catch(
        (caught: unknown) => caught,
      );
      expect(ValidationError.isInstance(viaSendFile)).toBe(true);
      expect((viaSendFile as Error).message).toBe(
        "Invalid file message: file.bytes: must be at most 100 bytes (the session's maxUploadBytes); got 101",
      );
      expect(bed.recorder.requests).toHaveLength(0);

      const { objectKey } = await uploadFile(session, { bytes: new Uint8Array(20).fill(7), fileType: 'png' });
      const clientLimit = await downloadFile(session, { fileId: objectKey, fileType: 'png' }).catch((caught: unknown) => caught);
      expect(clientLimit).toMatchObject({ name: 'MalformedResponseError', retryable: false });
      expect((clientLimit as Error).message).toContain("more than the session's maxDownloadBytes (10)");

      const { objectKey: large } = await uploadFile(session, { bytes: new Uint8Array(65), fileType: 'png' });
      const serverLimit = await downloadFile(session, { fileId: large, fileType: 'png' }).catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(serverLimit)).toBe(true);
      expect(serverLimit).toMatchObject({ code: '13' });
    });

    it('reports a failed upload by the field the dialect answers (returnCode: cec_07_2222; resultCode: cec_05_2036)', async () => {
      bed = testBed({ aicc: { uploadMaxBytes: 8 } });
      const session = sessionFor(bed);
      const error = await uploadFile(session, { bytes: new Uint8Array(9), fileType: 'jpg' }).catch((caught: unknown) => caught);
      const field = dialect === 'developer-guide' ? 'resultCode' : 'returnCode';
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: '13', field, path: path('uploadFileStream') });
      expect((error as Error).message).toMatch(new RegExp(`^AICC ${field} 13 from /apiaccess/ccmessaging/uploadFileStream: upload failed`));
    });

    it.each([
      ['returnCode (API reference cec_07_2222)', (objectKey: string) => ({ returnCode: '0', objectKey })],
      [
        'resultCode and resultDesc (developer guide cec_05_2036)',
        (objectKey: string) => ({ resultCode: '0', resultDesc: 'success', objectKey }),
      ],
    ])('accepts an upload answered with %s, and sends the image with its objectKey', async (_label, answer) => {
      bed = testBed();
      bed.intercept((next) => async (request) => {
        const response = await next(request);
        if (new URL(request.url).pathname !== path('uploadFileStream')) return response;
        return Response.json(answer(((await response.json()) as { objectKey: string }).objectKey));
      });
      const session = sessionFor(bed);
      await session.connect();
      await sendFile(session, { mediaType: 'IMAGE', file: { bytes: new Uint8Array([1, 2, 3]), fileType: 'png' } });
      const [objectKey] = bed.emulator.state.aicc!.uploads.keys();
      expect(JSON.parse(bed.recorder.to(path('send')).at(-1)!.body)).toMatchObject({ mediaType: 'IMAGE', content: `${objectKey},png` });
    });

    it.each([
      ['returnCode', { returnCode: '3', resultDesc: 'Requested param validate failed' }],
      ['resultCode', { resultCode: '3', resultDesc: 'Requested param validate failed' }],
      ['both, the failing one deciding', { resultCode: '0', returnCode: '3', resultDesc: 'Requested param validate failed' }],
    ])('reports a failed upload answered with %s', async (field, answer) => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) => (new URL(request.url).pathname === path('uploadFileStream') ? Response.json(answer) : next(request)),
      );
      const session = sessionFor(bed);
      const error = await uploadFile(session, { bytes: new Uint8Array([1]), fileType: 'png' }).catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: '3',
        field: field.startsWith('both') ? 'returnCode' : field,
        description: 'Requested param validate failed',
      });
    });

    it('reports an upload answer with neither returnCode nor resultCode as malformed', async () => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === path('uploadFileStream') ? Response.json({ objectKey: 'k' }) : next(request),
      );
      const session = sessionFor(bed);
      const error = await uploadFile(session, { bytes: new Uint8Array([1]), fileType: 'png' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'MalformedResponseError', path: path('uploadFileStream'), retryable: false });
      expect((error as Error).message).toContain('has no resultCode or returnCode');
    });
  });

  describe('the other APIs', () => {
    it('history() delivers the whole page when messages are odd (one without sourceType, one that is not an object)', async () => {
      bed = testBed();
      const robot = {
        channel: 'WEB',
        content: 'How can I help?',
        mediaType: 'TEXT',
        controlType: 'CHAT',
        sourceType: 'ROBOT',
        isOfflineStatus: false,
        messageCode: 'h-1',
        timestamp: 1,
      };
      const { sourceType: _sourceType, ...withoutSource } = { ...robot, content: 'password', messageCode: 'h-2' };
      const odd = ['secret-looking-garbage'];
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === path('queryHistoryChatMessage')
            ? Response.json({ resultCode: '0', resultDesc: 'success', messageList: [robot, withoutSource, odd] })
            : next(request),
      );
      const session = sessionFor(bed);
      const { messages } = await session.history();
      expect(messages).toHaveLength(3);
      expect(messages[0]).toEqual(robot);
      expect(messages[1]).toEqual(withoutSource);
      expect(messages[2]).toEqual({ content: '', isOfflineStatus: false, unreadable: { raw: odd, issues: ['must be an object'] } });
      expect(JSON.stringify(messages[2]?.unreadable?.issues)).not.toContain('garbage');
    });

    it('pages the history with limit and offset as strings and a time window', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      await session.send('password');
      const all = await session.history({ limit: 100 });
      expect(all.messages.map((message) => message.sourceType)).toEqual(['ROBOT', 'ROBOT', 'CUSTOMER', 'ROBOT']);
      const page = await session.history({ limit: 2, offset: 1, startTime: 0, endTime: bed.clock.now() });
      expect(page.messages).toHaveLength(2);
      expect(JSON.parse(bed.recorder.to(path('queryHistoryChatMessage')).at(-1)!.body)).toEqual({
        channelId: CHANNEL_ID,
        userId: 'user-1',
        limit: '2',
        offset: '1',
        channel: 'WEB',
        startTime: '0',
        endTime: String(bed.clock.now()),
      });
    });

    it('suggests phrases in the session’s locale or a given one, sent without country code (cec_05_2045, cec_07_2223)', async () => {
      bed = testBed();
      const session = sessionFor(bed, { locale: 'en_US' });
      const { questions } = await queryPhrases(session, { keyword: 'password' });
      expect(questions.length).toBeGreaterThan(0);
      expect(questions.every((question) => /password/i.test(question))).toBe(true);
      expect(JSON.parse(bed.recorder.to(path('queryPhraseByKeyword')).at(-1)!.body)).toEqual({
        strContent: 'password',
        locale: 'en',
        channel: 'WEB',
      });
      expect((await queryPhrases(session, { keyword: '密码', locale: 'zh_CN' })).questions).toEqual(['如何重置密码？', '如何修改密码？']);
      expect(JSON.parse(bed.recorder.to(path('queryPhraseByKeyword')).at(-1)!.body)).toEqual({
        strContent: '密码',
        locale: 'zh',
        channel: 'WEB',
      });
      await queryPhrases(session, { keyword: 'order', locale: 'en-GB' });
      expect(JSON.parse(bed.recorder.to(path('queryPhraseByKeyword')).at(-1)!.body)).toMatchObject({ locale: 'en' });
    });

    it('leaves a message with a call-back number', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      expect(await leaveMessage(session, { caller: '+86 138-0000-0000', message: 'Please call me back' })).toMatchObject({
        resultCode: '0',
      });
      expect(bed.emulator.state.aicc!.leaveMessages).toMatchObject([
        { callId: 'user-1', caller: '+86 138-0000-0000', leaveMessage: 'Please call me back' },
      ]);
    });

    it('rates with comment "" when none is given and npsScore/fcrValue as strings (cec_07_2226, cec_05_2026)', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      await session.transferToAgent();
      expect(bed.aicc.joinAgent('user-1')).toBe(true);
      await session.saveSatisfaction({ evaluation: '4', npsScore: 0, resolved: false });
      expect(JSON.parse(bed.recorder.to(path('saveSatisfaction')).at(-1)!.body)).toEqual({
        channel: 'WEB',
        userId: 'user-1',
        channelConfigId: CHANNEL_ID,
        evaluation: '4',
        comment: '',
        npsScore: '0',
        fcrValue: '2',
      });
      await session.saveSatisfaction({ evaluation: 3 });
      expect(JSON.parse(bed.recorder.to(path('saveSatisfaction')).at(-1)!.body)).toEqual({
        channel: 'WEB',
        userId: 'user-1',
        channelConfigId: CHANNEL_ID,
        evaluation: '3',
        comment: '',
      });
      expect(bed.emulator.state.aicc!.satisfactions).toMatchObject([{ comment: '', npsScore: '0', fcrValue: '2' }, { comment: '' }]);
    });

    it.each([
      ['resultCode', { resultCode: '0', resultDesc: 'Save satisfaction success!' }],
      ['returnCode, as every example of cec_05_2027', { returnCode: '0' }],
    ])('accepts a rating answered with %s', async (_label, answer) => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) => (new URL(request.url).pathname === path('saveSatisfaction') ? Response.json(answer) : next(request)),
      );
      const session = sessionFor(bed);
      expect(await session.saveSatisfaction({ evaluation: 5 })).toEqual(answer);
    });

    it.each([
      ['surveyMode', 'getsatisfactionsurveymode', (s: AiccSession) => querySurveyMode(s)],
      ['uploadFile', 'uploadFileStream', (s: AiccSession) => uploadFile(s, { bytes: new Uint8Array([1, 2, 3]), fileType: 'png' })],
      ['poll', 'poll', (s: AiccSession) => s.poll()],
      ['phrases', 'queryPhraseByKeyword', (s: AiccSession) => queryPhrases(s, { keyword: 'pass' })],
    ] as const)('reports a failure answer without the success payload (%s) as AiccApiError, not as malformed', async (_name, api, call) => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === path(api)
            ? Response.json({ resultCode: '13', resultDesc: 'call info not obtained' })
            : next(request),
      );
      const error = await call(sessionFor(bed)).catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: '13', description: 'call info not obtained', path: path(api) });
    });

    it('turns queue failures other than "not queuing" into AiccApiError', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      const error = await session.queueInfo().catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: '160004', path: path('queryQueueInfo') });
    });

    it('reports a robot feedback outside a robot session with AICC’s code', async () => {
      bed = testBed();
      const session = sessionFor(bed);
      await session.connect();
      const error = await sendRobotFeedback(session, { interIdx: '999', satisfied: true }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'AiccApiError', code: '30000000019' });
    });
  });
});

describe('validation before anything is sent', () => {
  it.each([
    [
      'no client',
      () => createAiccSession({} as never, { userId: 'u', userName: 'U', channelId: 'c', locale: 'en' }),
      'client: must be a client',
    ],
  ])('createAiccSession rejects %s', (_label, make, message) => {
    expect(make).toThrow(message);
  });

  it.each([
    [{ userId: 'x'.repeat(33) }, 'userId: must be 1–32 characters'],
    [{ locale: 'en_GBR' }, 'locale: must be an ISO 639 code'],
    [{ pollTimeoutMs: 0 }, 'pollTimeoutMs: must be a positive number of milliseconds up to 2147483647'],
    [{ maxUploadBytes: 0 }, 'maxUploadBytes: must be a whole number of bytes, at least 1'],
    [{ maxDownloadBytes: 0 }, 'maxDownloadBytes: must be a whole number of bytes, at least 1'],
    [{ maxDownloadBytes: 1.5 }, 'maxDownloadBytes: must be a whole number of bytes'],
    [{ maxDownloadBytes: '2MB' }, 'maxDownloadBytes: must be a whole number of bytes, at least 1, got string'],
    [{ userAgent: 1 }, 'userAgent: must be a string'],
    [{ senderAvatar: {} }, 'senderAvatar: must be a string'],
    [{ onTokenChange: 'log' }, 'onTokenChange: must be a function'],
    [{ pollHoldMs: 5 }, 'pollHoldMs: is not a known option'],
  ])('createAiccSession rejects %j', (override, message) => {
    bed = createTestBed();
    let caught: unknown;
    try {
      sessionFor(bed, override as never);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toContain(message);
    expect((caught as Error).message).not.toMatch(/received/i);
  });

  const bytes = new Uint8Array([1]);
  it.each<[string, (session: AiccSession) => Promise<unknown>, string]>([
    ['send of an empty text', (s) => s.send(''), 'text: must not be empty'],
    ['send of 1025 bytes', (s) => s.send('é'.repeat(513)), 'text: must be at most 1024 bytes as UTF-8'],
    ['send of a non-message', (s) => s.send(42 as never), 'must be a string, or an object'],
    ['send with bad options', (s) => s.send('hi', { signal: {} as never }), 'signal: must be an AbortSignal'],
    [
      'send of a LOCATE over 1 KB',
      (s) => s.send({ mediaType: 'LOCATE', content: `22.5,114.0,${'é'.repeat(510)}` }),
      'content must be at most 1024 bytes as UTF-8',
    ],
    [
      'send of a WEBCARD over 1 KB once built',
      (s) => s.send({ mediaType: 'WEBCARD', title: 'x'.repeat(1000), redirectUrl: 'https://shop.example/o/1' }),
      'content must be at most 1024 bytes as UTF-8',
    ],
    [
      'send of a FILE whose fileName is over 512 bytes',
      (s) => s.send({ mediaType: 'FILE', fileName: 'é'.repeat(257), objectKey: 'k', fileSize: 1, fileType: 'txt' }),
      'fileName: must be at most 512 bytes as UTF-8',
    ],
    ['sendAsync with a bad signal', (s) => s.sendAsync('hi', { signal: 'stop' } as never), 'signal: must be an AbortSignal'],
    ['sendAsync with unknown options', (s) => s.sendAsync('hi', { priority: 1 } as never), 'priority: is not a known option'],
    [
      'sendAsync of a file without type',
      (s) => s.sendAsync({ mediaType: 'FILE', fileName: 'a', objectKey: 'k' } as never),
      'fileSize: is required; fileType: is required',
    ],
    [
      'send of a media message with a file to upload',
      (s) => s.send({ mediaType: 'VIDEO', file: { bytes, fileType: 'mp4' } } as never),
      'file: send does not upload: sendFile(session, message) uploads the file and sends the message',
    ],
    [
      'sendFile of a media message with an unknown upload type',
      (s) => sendFile(s, { mediaType: 'VIDEO', file: { bytes, fileType: 'mkv' as never } }),
      'file.fileType: must be one of',
    ],
    ['connect with unknown options', (s) => s.connect({ priority: 1 } as never), 'priority: is not a known option'],
    ['transferToAgent with a bad signal', (s) => s.transferToAgent({ signal: 1 } as never), 'signal: must be an AbortSignal'],
    ['typing with async not boolean', (s) => s.typing({ async: 'yes' } as never), 'async: must be a boolean'],
    ['disconnect with unknown options', (s) => s.disconnect({ force: true } as never), 'force: is not a known option'],
    ['markRead with an empty code', (s) => s.markRead(['']), 'must not be empty'],
    ['markRead with codes that are not an array', (s) => s.markRead('code-1' as never), 'must be an array of message codes'],
    ['markRead with a bad signal', (s) => s.markRead(['code-1'], { signal: 1 } as never), 'signal: must be an AbortSignal'],
    ['markRead with unknown options', (s) => s.markRead(['code-1'], { all: true } as never), 'all: is not a known option'],
    ['markRead with too many codes', (s) => s.markRead(Array.from({ length: 200 }, (_, i) => `code-${i}`)), 'must fit in 1024 bytes'],
    ['poll with isNeedRead not boolean', (s) => s.poll({ isNeedRead: 'true' } as never), 'isNeedRead: must be a boolean'],
    ['poll with a zero timeout', (s) => s.poll({ timeoutMs: 0 }), 'timeoutMs: must be a positive number of milliseconds'],
    ['queueInfo with unknown options', (s) => s.queueInfo({ position: 1 } as never), 'position: is not a known option'],
    ['history with limit 0', (s) => s.history({ limit: 0 }), 'limit: must be a whole number from 1 to 100'],
    ['history with limit 101', (s) => s.history({ limit: 101 }), 'limit: must be a whole number from 1 to 100'],
    ['history with a negative offset', (s) => s.history({ offset: -1 }), 'offset: must be a whole number, not negative'],
    [
      'history with a negative startTime',
      (s) => s.history({ startTime: -1 }),
      'startTime: must be whole milliseconds since the epoch, not negative',
    ],
    [
      'history with a fractional startTime',
      (s) => s.history({ startTime: 1.5 }),
      'startTime: must be whole milliseconds since the epoch, not negative',
    ],
    [
      'history with a negative endTime',
      (s) => s.history({ endTime: -1 }),
      'endTime: must be whole milliseconds since the epoch, not negative',
    ],
    [
      'history with a fractional endTime',
      (s) => s.history({ endTime: 2.5 }),
      'endTime: must be whole milliseconds since the epoch, not negative',
    ],
    ['history with a reversed window', (s) => s.history({ startTime: 2, endTime: 1 }), 'startTime must not be after endTime'],
    ['leaveMessage with a bad number', (s) => leaveMessage(s, { caller: 'call me', message: 'x' }), 'caller: must be a contact number'],
    ['leaveMessage with a blank message', (s) => leaveMessage(s, { caller: '12345', message: '  ' }), 'message: must not be empty'],
    ['uploadFile of nothing', (s) => uploadFile(s, { bytes: new Uint8Array(0), fileType: 'png' }), 'bytes: must not be empty'],
    ['uploadFile of a gif', (s) => uploadFile(s, { bytes, fileType: 'gif' as never }), 'fileType: must be one of jpg, jpeg, png'],
    ['uploadFile of an array', (s) => uploadFile(s, { bytes: [1] as never, fileType: 'png' }), 'bytes: must be a Uint8Array'],
    ['downloadFile without an id', (s) => downloadFile(s, { fileId: '', fileType: 'pdf' }), 'fileId: must not be empty'],
    [
      'downloadFile with local not boolean',
      (s) => downloadFile(s, { fileId: 'f', fileType: 'pdf', local: 'yes' as never }),
      'local: must be a boolean',
    ],
    [
      'downloadFile with multiMedia not boolean',
      (s) => downloadFile(s, { fileId: 'f', fileType: 'pdf', multiMedia: 1 as never }),
      'multiMedia: must be a boolean',
    ],
    ['downloadFile of an exe', (s) => downloadFile(s, { fileId: 'f', fileType: 'exe' as never }), 'fileType: must be one of'],
    ['phrases without a keyword', (s) => queryPhrases(s, { keyword: ' ' }), 'keyword: must not be empty'],
    ['phrases with a bad locale', (s) => queryPhrases(s, { keyword: 'a', locale: 'English' }), 'locale: must be an ISO 639 code'],
    [
      'surveyMode with an unknown language',
      (s) => querySurveyMode(s, { language: 'de_DE' as never }),
      'language: must be one of zh_CN, en_US',
    ],
    ['saveSatisfaction with evaluation 6', (s) => s.saveSatisfaction({ evaluation: '6' as never }), 'evaluation: must be "1"–"5"'],
    [
      'saveSatisfaction with a 512-character comment',
      (s) => s.saveSatisfaction({ evaluation: '3', comment: 'x'.repeat(512) }),
      'comment: must be shorter than 512 characters',
    ],
    [
      'saveSatisfaction with npsScore 10 (AICC documents 0–9)',
      (s) => s.saveSatisfaction({ evaluation: '3', npsScore: 10 }),
      'npsScore: must be a whole number 0–9',
    ],
    [
      'saveSatisfaction with npsScore -1',
      (s) => s.saveSatisfaction({ evaluation: '3', npsScore: -1 }),
      'npsScore: must be a whole number 0–9',
    ],
    [
      'robotFeedback dissatisfied without a reason',
      (s) => sendRobotFeedback(s, { interIdx: '1', satisfied: false }),
      'feedbackContent: is required when the user is not satisfied',
    ],
    [
      'robotFeedback with a 65-character reason',
      (s) => sendRobotFeedback(s, { interIdx: 1, satisfied: false, feedbackContent: 'x'.repeat(65) }),
      'feedbackContent: must be at most 64 characters',
    ],
    ['robotFeedback with an empty interIdx', (s) => sendRobotFeedback(s, { interIdx: '', satisfied: true }), 'interIdx: must not be empty'],
    [
      'robotFeedback with a negative interIdx',
      (s) => sendRobotFeedback(s, { interIdx: -1, satisfied: true }),
      'interIdx: must be a whole number, at least 0',
    ],
    [
      'robotFeedback with a fractional interIdx',
      (s) => sendRobotFeedback(s, { interIdx: 1.5, satisfied: true }),
      'interIdx: must be a whole number',
    ],
    ['robotFeedback without interIdx', (s) => sendRobotFeedback(s, { satisfied: true } as never), 'interIdx: is required'],
  ])('%s', async (_label, call, message) => {
    bed = createTestBed();
    const session = sessionFor(bed);
    const error = await call(session).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toMatch(/received/i);
    expect(bed.recorder.requests).toHaveLength(0);
  });

  it('refuses leaveMessage for a userId longer than 24 characters, naming the limit and the page (doLeaveMessage callId, cec_07_2218)', async () => {
    bed = createTestBed();
    const userId = 'u'.repeat(25);
    const session = sessionFor(bed, { userId });
    const error = await leaveMessage(session, { caller: '12345', message: 'call me' }).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message.replaceAll("'", '’')).toContain(
      'userId: doLeaveMessage takes the session’s userId as callId, which AICC limits to 24 characters (API reference cec_07_2218, cec_07_0107)',
    );
    expect((error as Error).message).not.toContain(userId);
    expect(bed.recorder.requests).toHaveLength(0);
  });

  it('does not refuse a userId of 25–32 characters where Huawei’s pages disagree (send.from: the examples of cec_05_2032 send 40; history and saveSatisfaction: 1–32 in the 2023 editions)', async () => {
    bed = createTestBed();
    const userId = 'u'.repeat(32);
    const session = sessionFor(bed, { userId });
    await session.connect();
    await session.sendAsync('hi');
    await session.history();
    await session.transferToAgent();
    expect(bed.aicc.joinAgent(userId)).toBe(true);
    await session.saveSatisfaction({ evaluation: 5 });
    expect(JSON.parse(bed.recorder.to(path('send'))[0]!.body)).toMatchObject({ from: userId });
    expect(bed.emulator.state.aicc!.satisfactions).toMatchObject([{ userId }]);
  });

  it.each<[string, (session: AiccSession) => Promise<unknown>]>([
    ['downloadFile', (s) => downloadFile(s, { fileId: 'f', fileType: 'pdf' })],
    ['leaveMessage', (s) => leaveMessage(s, { caller: '12345', message: 'call me' })],
    ['queryPhrases', (s) => queryPhrases(s, { keyword: 'password' })],
    ['querySurveyMode', (s) => querySurveyMode(s)],
    ['sendRobotFeedback', (s) => sendRobotFeedback(s, { interIdx: 1, satisfied: true })],
  ])('%s refuses what is not a session from createAiccSession (a copy of one, an object) and sends nothing', async (_name, call) => {
    bed = createTestBed();
    const session = sessionFor(bed);
    for (const impostor of [{ ...session }, {}, undefined]) {
      const error = await call(impostor as AiccSession).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(error), String(error)).toBe(true);
      expect((error as Error).message).toContain('session: must be a session from createAiccSession');
    }
    expect(bed.recorder.requests).toHaveLength(0);
  });

  it('accepts a userId of exactly 24 characters for leaveMessage', async () => {
    bed = createTestBed();
    const session = sessionFor(bed, { userId: 'u'.repeat(24) });
    await session.connect();
    await leaveMessage(session, { caller: '12345', message: 'call me' });
    expect(bed.recorder.to(path('doLeaveMessage'))).toHaveLength(1);
  });
});
