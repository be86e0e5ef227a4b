/**
 * Removes quotes wrapped around a token value: AICC's own sample answer shows the `ccmessaging-token` as
 * `"\"eyJ…\""`, i.e. the token inside literal (sometimes backslash-escaped) quotes. The token itself is opaque
 * (URL-encoded base64) and is otherwise returned unchanged — never decoded or re-encoded.
 *
 * @example
 * ```ts
 * unwrapToken('"\\"eyJjcmVhdGVUaW1l%3D\\""'); // 'eyJjcmVhdGVUaW1l%3D'
 * unwrapToken(' eyJjcmVhdGVUaW1l%3D ');       // 'eyJjcmVhdGVUaW1l%3D'
 * ```
 */
export function unwrapToken(value: string): string {
  let token = value.trim();
  for (;;) {
    const match = /^(\\*")([\s\S]*)\1$/.exec(token);
    if (match === null) return token;
    token = match[2]!.trim();
  }
}
