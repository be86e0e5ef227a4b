import { characterCount } from '@tokenwire/core/internal';

export { characterCount, utf8ByteLength } from '@tokenwire/core/internal';

/** A valibot-friendly check that a string is between `minimum` and `maximum` characters (code points) long. */
export function hasCharacterCountBetween(minimum: number, maximum: number): (text: string) => boolean {
  return (text) => {
    const count = characterCount(text);
    return count >= minimum && count <= maximum;
  };
}
