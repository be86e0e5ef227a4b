/** Text measures shared with the emulator live in core. */
export { characterCount, utf8ByteLength } from '@tokenwire/core/internal';
