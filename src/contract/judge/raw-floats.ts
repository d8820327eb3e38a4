/**
 * @module
 * The number tokens of a JSON text at the places a float shape marks, as they were written: once
 * parsed, `100` and `100.0` are the same number, so whether the server wrote a Float as Oj does
 * (`config/initializers/oj.rb` of hackclub/hackatime) can only be read off the text.
 */
import type { FloatKind, FloatShape } from '../../spec/floats.js';
import { escapePointerSegment } from '../../spec/json-pointer.js';

/** One number token at a float place. */
export interface RawFloat {
  /** JSON pointer of the value in the body. */
  pointer: string;
  /** The token as written (`1795180000`, `41.37`). */
  text: string;
  kind: FloatKind;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;
const LITERAL = /true|false|null/y;

/** A cursor over a text already known to be JSON (it parsed): no error reporting, only reading. */
class Reader {
  at = 0;
  readonly found: RawFloat[] = [];

  constructor(private readonly text: string) {}

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
  }

  private token(pattern: RegExp): string {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) throw new SyntaxError(`unexpected text at ${this.at}`);
    this.at = pattern.lastIndex;
    return match[0];
  }

  private next(): string {
    this.space();
    return this.text[this.at] ?? '';
  }

  value(shape: FloatShape | undefined, pointer: string): void {
    const c = this.next();
    if (c === '{') this.object(shape, pointer);
    else if (c === '[') this.array(shape, pointer);
    else if (c === '"') this.token(STRING);
    else if (c === '-' || (c >= '0' && c <= '9')) {
      const text = this.token(NUMBER);
      if (shape?.float !== undefined) this.found.push({ pointer, text, kind: shape.float });
    } else this.token(LITERAL);
  }

  private object(shape: FloatShape | undefined, pointer: string): void {
    this.at++;
    if (this.next() === '}') {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      const key = JSON.parse(this.token(STRING)) as string;
      this.next();
      this.at++; // ':'
      this.value(shape?.properties?.get(key), `${pointer}/${escapePointerSegment(key)}`);
      const c = this.next();
      this.at++;
      if (c !== ',') return;
    }
  }

  private array(shape: FloatShape | undefined, pointer: string): void {
    this.at++;
    if (this.next() === ']') {
      this.at++;
      return;
    }
    const prefix = shape?.prefixItems ?? [];
    for (let i = 0; ; i++) {
      this.value(i < prefix.length ? prefix[i] : shape?.items, `${pointer}/${i}`);
      const c = this.next();
      this.at++;
      if (c !== ',') return;
    }
  }
}

/**
 * Every number token of `text` at a place `shape` marks as a float, in document order.
 * @example
 * rawFloats('{"time":1795180000,"id":3}', { properties: new Map([['time', { float: 'always' }]]) })
 * // [{ pointer: '/time', text: '1795180000', kind: 'always' }]
 */
export function rawFloats(text: string, shape: FloatShape): RawFloat[] {
  const reader = new Reader(text);
  reader.value(shape, '');
  return reader.found;
}

/**
 * Whether a token is written as Oj writes a Ruby Float: with a fraction or an exponent; the
 * Integer `0` is right where the field is `except-zero`.
 * @example
 * writtenAsFloat({ pointer: '/percent', text: '100', kind: 'always' }) // false
 */
export const writtenAsFloat = (token: RawFloat): boolean =>
  /[.eE]/.test(token.text) || (token.kind === 'except-zero' && /^-?0$/.test(token.text));
