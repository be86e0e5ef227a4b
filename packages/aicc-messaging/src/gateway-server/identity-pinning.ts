/**
 * Names of the fields that say who the end user is — `userId` (`queryQueueInfo`, `applyToken`), `from` (`send`),
 * `callId` (`doLeaveMessage`), `receiverId` (`poll?receiverId=`) — in their {@link comparableFieldName} form.
 */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['userid', 'from', 'callid', 'receiverid']);

/**
 * A field name as a lenient server might match it to a property: NFKC, lower-cased, without `_` and `-`
 * (`UserID`, `user_id` and `USER-ID` all read as `userid`; Java binders such as fastjson's smart match do so).
 */
function comparableFieldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[-_]/g, '');
}

/**
 * Whether a body field or query parameter named `name` names the end user (see {@link IDENTITY_FIELDS}), matched as
 * leniently as a server might match it: every such field must be the authenticated user.
 */
export function isIdentityField(name: string): boolean {
  return IDENTITY_FIELDS.has(comparableFieldName(name));
}

/**
 * Finds a field that names someone other than the authenticated user: the gateway only relays calls a user makes
 * as themself, so a valid JWT for one user cannot act for another even with a `ccmessaging-token` in hand. Every
 * top-level body field and every query parameter whose name {@link isIdentityField} — in any case or spelling —
 * must be `subject` (a string). Returns the offending field's name, or `undefined` when there is none.
 */
export function foreignUserField(
  subject: string,
  body: Readonly<Record<string, unknown>> | undefined,
  query: URLSearchParams,
): string | undefined {
  for (const [name, value] of [...Object.entries(body ?? {}), ...query]) {
    if (value !== subject && isIdentityField(name)) return name;
  }
  return undefined;
}
