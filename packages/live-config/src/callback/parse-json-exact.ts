/**
 * A JSON value as {@link parseJsonExact} returns it. Integers beyond `Number.MAX_SAFE_INTEGER` (2^53 − 1) in
 * either direction are strings of their exact decimal digits; every other value is what `JSON.parse` gives.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object as {@link parseJsonExact} returns it. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The outcome of {@link parseJsonExact}: the value, or where and why the text is not JSON. */
export type ParseJsonExactResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly position: number; readonly message: string };

/** Deepest nesting of arrays and objects accepted; deeper input is refused instead of exhausting the stack. */
export const MAX_JSON_DEPTH = 512;

/** Thrown inside the parser and turned into a failed result at the top; never escapes. */
class Failure {
  constructor(
    readonly position: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Parses JSON text like `JSON.parse` — same grammar, same results, same treatment of duplicate keys (the last
 * wins) and of a `"__proto__"` key (an own property) — except that an integer literal beyond the safe range
 * (|n| > 2^53 − 1, e.g. a LiveKit account id `144115216631667826`) becomes a string of its exact digits instead
 * of a rounded number. Literals with a fraction or an exponent (`1.0`, `1e20`) are numbers, as with
 * `JSON.parse`.
 *
 * Why strings and not `bigint`: the values that overflow are identifiers (accounts, rooms), which Tencent
 * otherwise sends as strings; as strings they compare, log, serialize with `JSON.stringify` and cross
 * `postMessage` like every other id. Nesting deeper than {@link MAX_JSON_DEPTH} is refused.
 *
 * @returns `{ ok: true, value }`, or `{ ok: false, position, message }` for text that is not JSON.
 * @example
 * ```ts
 * parseJsonExact('{"Owner_Account":144115216631667826,"Count":2}');
 * // { ok: true, value: { Owner_Account: '144115216631667826', Count: 2 } }
 * ```
 */
export function parseJsonExact(text: string): ParseJsonExactResult {
  const parser = new Parser(text);
  try {
    parser.skipWhitespace();
    const value = parser.value(0);
    parser.skipWhitespace();
    if (parser.index < text.length) parser.fail('unexpected text after the JSON value');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, position: error.position, message: error.message };
    throw error;
  }
}

class Parser {
  index = 0;

  constructor(private readonly text: string) {}

  fail(message: string, position = this.index): never {
    throw new Failure(position, message);
  }

  skipWhitespace(): void {
    const { text } = this;
    let index = this.index;
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) index++;
      else break;
    }
    this.index = index;
  }

  value(depth: number): JsonValue {
    const code = this.text.charCodeAt(this.index);
    switch (code) {
      case 0x7b: // {
        return this.object(depth + 1);
      case 0x5b: // [
        return this.array(depth + 1);
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.literal('true', true);
      case 0x66: // f
        return this.literal('false', false);
      case 0x6e: // n
        return this.literal('null', null);
      default:
        if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.number();
        return this.fail(Number.isNaN(code) ? 'unexpected end of the JSON text' : 'unexpected character');
    }
  }

  literal<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.index)) this.fail('unexpected character');
    this.index += word.length;
    return value;
  }

  number(): number | string {
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (match === null) return this.fail('invalid number');
    const literal = match[0];
    this.index += literal.length;
    const value = Number(literal);
    if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(value)) return literal;
    return value;
  }

  string(): string {
    const { text } = this;
    let index = this.index + 1;
    let result = '';
    let chunkStart = index;
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 0x22) {
        result += text.slice(chunkStart, index);
        this.index = index + 1;
        return result;
      }
      if (code === 0x5c) {
        result += text.slice(chunkStart, index);
        const escaped = text[index + 1];
        if (escaped === 'u') {
          const hex = text.slice(index + 2, index + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape', index);
          result += String.fromCharCode(Number.parseInt(hex, 16));
          index += 6;
        } else {
          const replacement = escaped === undefined ? undefined : ESCAPES[escaped];
          if (replacement === undefined) this.fail('invalid escape', index);
          result += replacement;
          index += 2;
        }
        chunkStart = index;
        continue;
      }
      if (Number.isNaN(code)) this.fail('unterminated string', index);
      if (code < 0x20) this.fail('control character in a string', index);
      index++;
    }
  }

  array(depth: number): JsonValue[] {
    if (depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.index++;
    const result: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.index) === 0x5d) {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.value(depth));
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.index++);
      if (code === 0x5d) return result;
      if (code !== 0x2c) this.fail("expected ',' or ']'", this.index - 1);
    }
  }

  object(depth: number): JsonObject {
    if (depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.index++;
    const result: JsonObject = {};
    this.skipWhitespace();
    if (this.text.charCodeAt(this.index) === 0x7d) {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.index) !== 0x22) this.fail('expected a property name in double quotes');
      const key = this.string();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.index) !== 0x3a) this.fail("expected ':'");
      this.index++;
      this.skipWhitespace();
      const value = this.value(depth);
      if (key === '__proto__') {
        // Plain assignment would set the prototype; JSON.parse makes an own property.
        Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        result[key] = value;
      }
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.index++);
      if (code === 0x7d) return result;
      if (code !== 0x2c) this.fail("expected ',' or '}'", this.index - 1);
    }
  }
}
