import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { describeIssues } from './read-json-body.js';
import { characterCount } from './text-measures.js';

/** The longest `comment` plus one: AICC requires fewer than 512 characters. */
export const SATISFACTION_COMMENT_LIMIT = 512;

const integerField = (name: string, minimum: number, maximum: number) =>
  v.pipe(
    v.union([v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^\d{1,2}$/), v.transform(Number))], `${name} must be an integer`),
    v.number(),
    v.minValue(minimum, `${name} must be ${minimum}–${maximum}`),
    v.maxValue(maximum, `${name} must be ${minimum}–${maximum}`),
  );

/**
 * The flat `saveSatisfaction` body (the wrapped `satisfication` form of some doc tables is not accepted). `npsScore`
 * is 0–9 as the docs say (not the 0–10 of the usual NPS scale) and `fcrValue` 1 (yes) or 2 (no), as numbers or
 * strings.
 */
export const SaveSatisfactionRequestSchema = v.object({
  channel: v.literal('WEB', 'channel must be WEB'),
  userId: v.pipe(v.string('userId must be a string'), v.nonEmpty('userId is required')),
  evaluation: v.picklist(['1', '2', '3', '4', '5'], 'evaluation must be "1"–"5"'),
  comment: v.optional(v.pipe(v.string('comment must be a string'), v.check((text) => characterCount(text) < SATISFACTION_COMMENT_LIMIT, 'comment must be shorter than 512 characters'))),
  channelConfigId: v.pipe(v.string('channelConfigId must be a string'), v.nonEmpty('channelConfigId is required')),
  npsScore: v.optional(integerField('npsScore', 0, 9)),
  fcrValue: v.optional(integerField('fcrValue', 1, 2)),
});

/**
 * `POST /apiaccess/ccmessaging/saveSatisfaction`: rates the user's latest agent session (open or ended). Bad
 * fields, or `userId`/`channelConfigId` not the token's → `resultCode "13"` `Save satisfaction failed`; no session
 * that reached an agent → `"13"` `The callIdString obtained failed!`; success → `"0"` `Save satisfaction success!`.
 */
export function saveSatisfaction(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const parsed = v.safeParse(SaveSatisfactionRequestSchema, body);
  if (!parsed.success) return { body: { resultCode: '13', resultDesc: `Save satisfaction failed: ${describeIssues(parsed.issues)}` } };
  const request = parsed.output;
  if (request.userId !== token.userId || request.channelConfigId !== token.channelId) {
    return { body: { resultCode: '13', resultDesc: 'Save satisfaction failed: userId and channelConfigId must match the ccmessaging-token.' } };
  }
  const session = context.state.sessions.get(token.userId);
  if (session === undefined || session.agentJoinedAt === undefined || session.channelId !== token.channelId) {
    return { body: { resultCode: '13', resultDesc: 'The callIdString obtained failed!' } };
  }
  context.state.satisfactions.push({
    userId: token.userId,
    channelConfigId: request.channelConfigId,
    callId: session.callId,
    evaluation: request.evaluation,
    ...(request.comment === undefined ? {} : { comment: request.comment }),
    ...(request.npsScore === undefined ? {} : { npsScore: request.npsScore }),
    ...(request.fcrValue === undefined ? {} : { fcrValue: request.fcrValue }),
    savedAt: context.now(),
  });
  return { body: { resultCode: '0', resultDesc: 'Save satisfaction success!' } };
}
