/** JSON body fields that name the end user on CC-Messaging APIs (`send.from`, `queryQueueInfo.userId`, `doLeaveMessage.callId`, …). */
export const USER_BODY_FIELDS = ['userId', 'from', 'callId'] as const;

/** Query parameters that name the end user (`poll?receiverId=`). */
export const USER_QUERY_PARAMETERS = ['receiverId'] as const;

/**
 * Finds a field that names someone other than the authenticated user: the gateway only relays calls a user makes
 * as themself, so a valid JWT for one user cannot act for another even with a `ccmessaging-token` in hand.
 * Returns the offending field's name, or `undefined` when every user field present is `subject`.
 */
export function foreignUserField(
  subject: string,
  body: Readonly<Record<string, unknown>> | undefined,
  query: URLSearchParams,
): string | undefined {
  if (body !== undefined) {
    for (const field of USER_BODY_FIELDS) {
      if (Object.hasOwn(body, field) && body[field] !== subject) return field;
    }
  }
  for (const parameter of USER_QUERY_PARAMETERS) {
    for (const value of query.getAll(parameter)) if (value !== subject) return parameter;
  }
  return undefined;
}
