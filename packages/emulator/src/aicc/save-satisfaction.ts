import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { describeIssues } from './read-json-body.js';
import { characterCount } from './text-measures.js';

/** The longest `comment` plus one: AICC requires fewer than 512 characters. */
export const SATISFACTION_COMMENT_LIMIT = 512;

/** A field AICC types `String` whose value is one of `values`: a number (or any other type) is refused. */
const stringCode = (name: string, values: readonly string[], range: string) =>
  v.pipe(v.string(`${name} must be a string (AICC types it String)`), v.picklist(values, `${name} must be ${range}`));

/**
 * The flat `saveSatisfaction` body (the wrapped `satisfication` form of some doc tables is not accepted), as both
 * documentation sets require it (API reference cec_07_2226, developer guide cec_05_2026): `comment` is mandatory
 * (`""` when the user wrote nothing) and shorter than 512 characters; `npsScore` ("0"–"9", as the docs say — not
 * the 0–10 of the usual NPS scale) and `fcrValue` ("1" yes, "2" no) are optional and typed `String`, so numbers
 * are refused.
 */
export const SaveSatisfactionRequestSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      channel: v.literal('WEB', 'channel must be WEB'),
      userId: v.pipe(v.string('userId must be a string'), v.nonEmpty('userId is required')),
      evaluation: v.picklist(['1', '2', '3', '4', '5'], 'evaluation must be "1"–"5"'),
      comment: v.optional(
        v.pipe(
          v.string('comment must be a string'),
          v.check((text) => characterCount(text) < SATISFACTION_COMMENT_LIMIT, 'comment must be shorter than 512 characters'),
        ),
      ),
      channelConfigId: v.pipe(v.string('channelConfigId must be a string'), v.nonEmpty('channelConfigId is required')),
      npsScore: v.optional(stringCode('npsScore', ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], '"0"–"9"')),
      fcrValue: v.optional(stringCode('fcrValue', ['1', '2'], '"1" or "2"')),
    }),
    // An optional key that is missing is not validated, so the presence of comment is checked on the whole body.
    v.check((input) => input.comment !== undefined, 'comment is required ("" when there is none)'),
    v.transform((input) => ({ ...input, comment: input.comment ?? '' })),
  ))();

/**
 * `POST /apiaccess/ccmessaging/saveSatisfaction`: rates the user's latest agent session (open or ended). Bad
 * fields, or `userId`/`channelConfigId` not the token's → `resultCode "13"` `Save satisfaction failed`; no session
 * that reached an agent → `"13"` `The callIdString obtained failed!`; success → `"0"` `Save satisfaction success!`
 * (API reference cec_07_2226). In the `developer-guide` dialect the code comes as `returnCode`, and a success is
 * the bare `{ returnCode: "0" }` of every example of cec_05_2027.
 */
export function saveSatisfaction(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const developerGuide = context.options.dialect === 'developer-guide';
  const failure = (resultDesc: string): HandlerResult => ({ body: { [developerGuide ? 'returnCode' : 'resultCode']: '13', resultDesc } });
  const parsed = v.safeParse(SaveSatisfactionRequestSchema, body);
  if (!parsed.success) return failure(`Save satisfaction failed: ${describeIssues(parsed.issues)}`);
  const request = parsed.output;
  if (request.userId !== token.userId || request.channelConfigId !== token.channelId) {
    return failure('Save satisfaction failed: userId and channelConfigId must match the ccmessaging-token.');
  }
  const session = context.state.sessions.get(token.userId);
  if (session === undefined || session.agentJoinedAt === undefined || session.channelId !== token.channelId) {
    return failure('The callIdString obtained failed!');
  }
  context.state.satisfactions.push({
    userId: token.userId,
    channelConfigId: request.channelConfigId,
    callId: session.callId,
    evaluation: request.evaluation,
    comment: request.comment,
    ...(request.npsScore === undefined ? {} : { npsScore: request.npsScore }),
    ...(request.fcrValue === undefined ? {} : { fcrValue: request.fcrValue }),
    savedAt: context.now(),
  });
  if (developerGuide) return { body: { returnCode: '0' } };
  return { body: { resultCode: '0', resultDesc: 'Save satisfaction success!' } };
}
