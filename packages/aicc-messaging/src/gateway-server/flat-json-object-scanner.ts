/** Longest member name accepted, in UTF-16 code units (longer names are refused: see {@link FlatJsonObjectScanner}). */
export const MAX_MEMBER_NAME_LENGTH = 256;

// What the scanner reads next (numbers, which the bundler inlines).
const OBJECT = 0;
const FIRST_NAME = 1;
const NAME = 2;
const NAME_TEXT = 3;
const COLON = 4;
const VALUE = 5;
const STRING_VALUE = 6;
const SCALAR = 7;
const COMMA_OR_END = 8;
const NOTHING = 9;

const WHITESPACE = /[ \t\n\r]*/y;
/** A run of string characters that need no attention: no quote, backslash or control character. */
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const SCALAR_CHARACTERS = /[-+.0-9a-zA-Z]*/y;
const SCALAR_VALUE = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)$/;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** What a {@link FlatJsonObjectScanner} reports, and to whom. */
export interface FlatJsonObjectScannerOptions {
  /** Whether the value of member `name` is wanted (then it goes to `onMember`). */
  readonly wantsValue: (name: string) => boolean;
  /** A wanted member, as soon as its value ended: the decoded string, or `undefined` for a value that is not a string. */
  readonly onMember: (name: string, value: string | undefined) => void;
  /** How much of a wanted string value is kept, in UTF-16 code units (one more is kept to tell a longer one). */
  readonly maxValueLength: number;
}

/** What {@link FlatJsonObjectScanner} throws when the text is not a flat JSON object (a `SyntaxError`, quoting no input). */
function fail(): never {
  throw new SyntaxError('The body is not a flat JSON object (string, number, true, false or null values)');
}

/** Where a sticky `pattern` run starting at `at` ends in `text`. */
function runEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  pattern.test(text);
  return pattern.lastIndex;
}

/**
 * A streaming validator of one **flat** JSON object (RFC 8259): `{ "name": value, … }` whose values are strings,
 * numbers, `true`, `false` or `null` — no nested object or array. Text is fed in pieces as it arrives (any split,
 * inside a string or an escape included). Each member whose decoded name `wantsValue(name)` asks for goes to
 * `onMember` with its decoded string value (`undefined` for a value that is not a string) as soon as the value
 * ends — every occurrence of a name, duplicates included. Anything else (a nested value, a trailing comma, a
 * comment, single quotes, an unescaped control character, text after the object, a member name longer than
 * {@link MAX_MEMBER_NAME_LENGTH}) throws a `SyntaxError`. Long string values are skipped with one
 * regular expression per run and never copied, so a 14 MiB base64 value costs little CPU; only asked-for values
 * are kept, up to `maxValueLength` code units (longer ones are cut there: the caller compares them with something
 * no longer).
 */
export class FlatJsonObjectScanner {
  #expect = OBJECT;
  #name = '';
  #value = '';
  /** Whether the string being read is kept: a member name, or a value `wantsValue` asked for. */
  #keep = false;
  #scalar = '';
  /** Inside a string: the escape under way (`\` alone, or `\u` and the hex digits so far), or '' between escapes. */
  #escape = '';
  readonly #options: FlatJsonObjectScannerOptions;

  constructor(options: FlatJsonObjectScannerOptions) {
    this.#options = options;
  }

  /** Reads the next piece of the text. */
  feed(text: string): void {
    let at = 0;
    while (at < text.length) {
      const expect = this.#expect;
      if (expect === NAME_TEXT || expect === STRING_VALUE) {
        at = this.#readString(text, at);
      } else if (expect === SCALAR) {
        const end = runEnd(SCALAR_CHARACTERS, text, at);
        this.#scalar += text.slice(at, end);
        if (this.#scalar.length > 64) fail();
        at = end;
        if (at < text.length) this.#endScalar();
      } else {
        at = runEnd(WHITESPACE, text, at);
        if (at === text.length) return;
        const character = text.charAt(at++);
        if (expect === OBJECT && character === '{') this.#expect = FIRST_NAME;
        else if ((expect === FIRST_NAME || expect === NAME) && character === '"') this.#startString(NAME_TEXT, true);
        else if ((expect === FIRST_NAME || expect === COMMA_OR_END) && character === '}') this.#expect = NOTHING;
        else if (expect === COLON && character === ':') this.#expect = VALUE;
        else if (expect === COMMA_OR_END && character === ',') this.#expect = NAME;
        else if (expect === VALUE && character === '"') this.#startString(STRING_VALUE, this.#options.wantsValue(this.#name));
        else if (expect === VALUE && character !== '{' && character !== '[') {
          this.#scalar = '';
          this.#expect = SCALAR;
          at--;
        } else fail();
      }
    }
  }

  /** Says the text is complete: it must have been exactly one flat object. */
  end(): void {
    if (this.#expect === SCALAR) this.#endScalar();
    if (this.#expect !== NOTHING) fail();
  }

  #startString(expect: typeof NAME_TEXT | typeof STRING_VALUE, keep: boolean): void {
    if (expect === NAME_TEXT) this.#name = '';
    this.#value = '';
    this.#keep = keep;
    this.#expect = expect;
  }

  /** Reads string characters from `at`; returns where it stopped (the end of `text`, or after the closing quote). */
  #readString(text: string, at: number): number {
    let position = at;
    while (position < text.length) {
      const character = text.charAt(position);
      if (this.#escape === '\\') {
        if (character === 'u') this.#escape = '\\u';
        else {
          this.#append(ESCAPES[character] ?? fail());
          this.#escape = '';
        }
        position++;
      } else if (this.#escape !== '') {
        if (!/[0-9a-fA-F]/.test(character)) fail();
        this.#escape += character;
        if (this.#escape.length === 6) {
          this.#append(String.fromCharCode(Number.parseInt(this.#escape.slice(2), 16)));
          this.#escape = '';
        }
        position++;
      } else {
        const end = runEnd(PLAIN, text, position);
        if (end > position && this.#keep) this.#append(text.slice(position, end));
        position = end;
        if (position === text.length) break;
        const special = text.charAt(position++);
        if (special === '\\') this.#escape = '\\';
        else if (special === '"') {
          this.#endString();
          break;
        } else fail(); // a control character
      }
    }
    return position;
  }

  #append(decoded: string): void {
    if (this.#expect === NAME_TEXT) {
      this.#name += decoded;
      if (this.#name.length > MAX_MEMBER_NAME_LENGTH) fail();
    } else if (this.#value.length <= this.#options.maxValueLength) {
      this.#value += decoded.slice(0, this.#options.maxValueLength + 1 - this.#value.length);
    }
  }

  #endString(): void {
    if (this.#expect === NAME_TEXT) this.#expect = COLON;
    else {
      if (this.#keep) this.#options.onMember(this.#name, this.#value);
      this.#expect = COMMA_OR_END;
    }
  }

  #endScalar(): void {
    if (!SCALAR_VALUE.test(this.#scalar)) fail();
    if (this.#options.wantsValue(this.#name)) this.#options.onMember(this.#name, undefined);
    this.#expect = COMMA_OR_END;
  }
}
