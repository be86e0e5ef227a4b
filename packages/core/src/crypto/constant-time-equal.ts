/**
 * Compares two byte arrays in time that depends only on their lengths, never on where they differ.
 * Use it for every signature comparison so an attacker cannot learn a prefix by timing.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}

/**
 * Compares two strings of UTF-16 code units in time that depends only on their lengths. Suitable for
 * signatures rendered as hex or base64, which are ASCII.
 */
export function constantTimeEqualStrings(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
