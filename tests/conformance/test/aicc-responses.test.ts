import {
  FabricAuthError,
  applyToken,
  createAiccClient,
  createAiccSession,
  leaveMessage,
  queryPhrases,
  uploadFile,
  type AiccSession,
} from '@tokenwire/aicc-messaging';
import { describe, expect, it } from 'vitest';
import { samples, type Sample } from './support/corpus.js';

// Every answer Huawei documents for an API tokenwire calls must be accepted by the client. The AICC here speaks
// nothing but the corpus: API Fabric's token and applyToken's token come from the documented examples too.
const BASE_URL = 'https://aicc.example';
const FABRIC_PATH = '/apigovernance/api/oauth/tokenByAkSk';
const CCMESSAGING = '/apiaccess/ccmessaging/';
const USER = { userId: 'user-1619573111751', userName: 'Ada', channelId: '1011577355744904195', locale: 'en' } as const;

const responses = samples('aicc', 'response');
/** The answers of APIs tokenwire calls (the cookie-based webadapter facade is another API, which it does not). */
const clientResponses = responses.filter((sample) => sample.path === FABRIC_PATH || sample.path?.startsWith(CCMESSAGING));
const isRefusal = (sample: Sample) => /-error\.json$/.test(sample.file);

const defaultAnswer = (api: string): Sample => {
  const found = responses.find((sample) => sample.api === api && !isRefusal(sample));
  if (found === undefined) throw new Error(`the corpus has no ${api} answer`);
  return found;
};

/** A fetch that answers each path with a documented example: `answer` for its own path, the defaults elsewhere. */
function documentedAicc(answer: Sample, status = 200) {
  const seen: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    seen.push(request);
    const path = new URL(request.url).pathname;
    const sample =
      path === answer.path
        ? answer
        : path === FABRIC_PATH
          ? defaultAnswer('tokenByAkSk')
          : path === `${CCMESSAGING}applyToken`
            ? defaultAnswer('applyToken')
            : undefined;
    if (sample === undefined) return new Response(`no documented answer for ${path}`, { status: 404 });
    return new Response(sample.text, { status: sample === answer ? status : 200, headers: { 'content-type': 'application/json' } });
  };
  const client = createAiccClient({ baseUrl: BASE_URL, appKey: 'app-key', appSecret: 'app-secret', fetch, retry: false });
  return { client, seen };
}

/** What a user calls to reach each API, and what the call must give back for the documented answer. */
const CALLS: Record<string, (session: AiccSession, answer: Sample) => Promise<unknown>> = {
  send: (session, answer) => {
    const controlType =
      (answer.json as { controlType?: string }).controlType ??
      (/connect/.test(answer.file) ? 'CONNECT' : /trans2agent/.test(answer.file) ? 'TRANS2AGENT' : 'CHAT');
    if (controlType === 'CONNECT') return session.connect();
    if (controlType === 'TRANS2AGENT') return session.transferToAgent();
    return session.send('version');
  },
  sendAsync: (session) => session.sendAsync('version'),
  poll: async (session, answer) => {
    const result = await session.poll();
    expect(result.messages).toHaveLength((answer.json as { downlinkMessages: unknown[] }).downlinkMessages.length);
    return result;
  },
  queryPhraseByKeyword: (session) => queryPhrases(session, { keyword: 'version' }),
  queryQueueInfo: (session) => session.queueInfo(),
  saveSatisfaction: (session) => session.saveSatisfaction({ evaluation: 5, comment: 'Satisfied' }),
  doLeaveMessage: (session) => leaveMessage(session, { caller: '13800000000', message: 'Please call me back' }),
  uploadFileStream: async (session, answer) => {
    const uploaded = await uploadFile(session, { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), fileType: 'png' });
    expect(uploaded.objectKey).toBe((answer.json as { objectKey: string }).objectKey);
    return uploaded;
  },
};

describe('Huawei AICC: every documented answer is accepted', () => {
  it('the corpus has answers for the token lifecycle and the chat', () => {
    const apis = new Set(clientResponses.map((sample) => sample.api));
    for (const api of ['tokenByAkSk', 'applyToken', 'send', 'poll', 'saveSatisfaction', 'uploadFileStream']) expect(apis).toContain(api);
  });

  it('every documented ccmessaging answer has a call that exercises it', () => {
    for (const sample of clientResponses) {
      if (sample.api === 'tokenByAkSk' || sample.api === 'applyToken') continue;
      expect(Object.keys(CALLS), sample.label).toContain(sample.api);
    }
  });

  it.each(clientResponses.filter((sample) => sample.api === 'tokenByAkSk').map((sample) => [sample.label, sample] as const))(
    'tokenByAkSk: %s',
    async (_label, answer) => {
      const { client, seen } = documentedAicc(answer);
      await applyToken(client, USER);
      const apply = seen.find((request) => new URL(request.url).pathname === `${CCMESSAGING}applyToken`);
      expect(apply?.headers.get('authorization')).toContain((answer.json as { AccessToken: string }).AccessToken);
    },
  );

  it.each(
    clientResponses.filter((sample) => sample.api === 'applyToken' && !isRefusal(sample)).map((sample) => [sample.label, sample] as const),
  )('applyToken: %s', async (_label, answer) => {
    const { client } = documentedAicc(answer);
    const granted = await applyToken(client, USER);
    // The example's token is quoted JSON text ("\"eyJ…\""): the client hands over the token itself.
    const documented = (answer.json as { token: string }).token.replace(/^"|"$/g, '');
    expect(JSON.stringify(granted)).toContain(documented);
  });

  it.each(clientResponses.filter(isRefusal).map((sample) => [sample.label, sample] as const))(
    'a documented refusal is a typed error: %s',
    async (_label, answer) => {
      const { client } = documentedAicc(answer, 403);
      const refused = await applyToken(client, USER).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(FabricAuthError.isInstance(refused), String(refused)).toBe(true);
    },
  );

  it.each(
    clientResponses
      .filter((sample) => sample.api !== 'tokenByAkSk' && sample.api !== 'applyToken')
      .map((sample) => [`${sample.api}: ${sample.label}`, sample] as const),
  )('%s', async (_label, answer) => {
    const { client } = documentedAicc(answer);
    const session = createAiccSession(client, USER);
    await expect(CALLS[answer.api as string]!(session, answer)).resolves.toBeDefined();
  });
});
