/**
 * Request parameters as Rails hands them to the controllers (src/mock/rails/ruby/): Rack's query parsing,
 * body and query merged, and the Ruby value rules applied to them (`blank?`, `to_i`, an integer
 * column's cast, `split(",")`, `strip`). Expectations come from running Ruby 3.1 and from Rack's and
 * ActiveSupport's sources, not from this code.
 */
import { describe, expect, it } from 'vitest';
import { isBlankString, isRubyBlank } from '../../../src/mock/rails/ruby/blank.js';
import {
  integerColumnCast,
  isNumericString,
  RubyMethodMissing,
  rubyStringToI,
  rubyToI,
} from '../../../src/mock/rails/ruby/integer-cast.js';
import { presentParam, railsParam, railsParams, railsQuery } from '../../../src/mock/rails/ruby/rails-params.js';
import { rubySplit, rubyStrip } from '../../../src/mock/rails/ruby/string-methods.js';

const query = (text: string) => new URLSearchParams(text);

describe('params', () => {
  it('a repeated plain key keeps its last value; an absent key is undefined', () => {
    expect(railsParam(query('a=1&a=2'), 'a')).toBe('2');
    expect(railsParam(query('a='), 'a')).toBe('');
    expect(railsParam(query('b=1'), 'a')).toBeUndefined();
  });

  it('the query as a hash: first occurrence fixes the order, the last value wins, an empty key is dropped', () => {
    expect([...railsQuery(query('a=1&b=2&a=3&=4'))]).toEqual([
      ['a', '3'],
      ['b', '2'],
    ]);
  });

  it('presence: blank values are absent', () => {
    expect(presentParam(query('a=%20%20'), 'a')).toBeUndefined();
    expect(presentParam(query('a=%C2%85'), 'a')).toBeUndefined();
    expect(presentParam(query('a=x&a='), 'a')).toBeUndefined();
    expect(presentParam(query('a=%EF%BB%BF'), 'a')).toBe('\ufeff');
  });

  it('request_parameters.merge(query_parameters): the query wins over the body, key by key', () => {
    expect(railsParams({ a: 1, b: [2], c: 'body' }, query('c=q1&c=q2&d=4'))).toEqual({ a: 1, b: [2], c: 'q2', d: '4' });
    // A JSON body that is not an object lands under `_json`: none of its fields are parameters.
    expect(railsParams([{ a: 1 }], query('b=2'))).toEqual({ b: '2' });
    expect(railsParams('text', query(''))).toEqual({});
  });
});

describe('blank?', () => {
  it.each([undefined, null, false, '', '  \t\n', '\u0085', '\u00a0\u3000', [], {}])('%j is blank', (value) => {
    expect(isRubyBlank(value)).toBe(true);
  });

  it.each([0, true, 'a', '\ufeff', '\u200b', [0], { a: 1 }])('%j is present', (value) => {
    expect(isRubyBlank(value)).toBe(false);
  });

  it('narrows strings like isRubyBlank reads them', () => {
    expect([undefined, null, ' ', '\u0085', '\ufeff', 'x'].map(isBlankString)).toEqual([true, true, true, true, false, false]);
  });
});

describe('to_i and an integer column', () => {
  it.each([
    ['5x', 5],
    ['x5', 0],
    [' \t5_000x', 5000],
    ['5__0', 5],
    ['+_5', 0],
    ['-0', 0],
    ['0x1A', 0],
    ['1e5', 1],
    // Ruby skips ASCII white space only.
    ['\u00a05', 0],
  ])('%j.to_i is %d', (text, value) => {
    expect(rubyToI(text)).toBe(value);
  });

  it('to_i of other values: nil is 0, numbers are truncated, true and collections raise', () => {
    expect([rubyToI(undefined), rubyToI(null), rubyToI(3.7), rubyToI(-3.7)]).toEqual([0, 0, 3, -3]);
    for (const value of [true, false, [], {}]) expect(() => rubyToI(value)).toThrow(RubyMethodMissing);
  });

  it('String#to_i is exact beyond 2^53', () => {
    expect(rubyStringToI('99999999999999999999')).toBe(99_999_999_999_999_999_999n);
    expect(rubyStringToI(undefined)).toBe(0n);
  });

  it('an integer column casts a numeric-looking string by to_i, anything else to NULL', () => {
    expect(['2', ' 2', '2abc', '-1', 'abc', '', '\u00a02'].map(integerColumnCast)).toEqual([2, 2, 2, -1, null, null, null]);
    expect(isNumericString('\t+7')).toBe(true);
  });
});

describe('String methods', () => {
  it('split(",") drops trailing empty fields only', () => {
    expect(rubySplit('a,,b,,')).toEqual(['a', '', 'b']);
    expect(rubySplit(',')).toEqual([]);
    expect(rubySplit(',a')).toEqual(['', 'a']);
    expect(rubySplit('')).toEqual([]);
  });

  it('strip takes ASCII white space and NUL, not a no-break space', () => {
    expect(rubyStrip('\0 a \0')).toBe('a');
    expect(rubyStrip('\u00a0a \0')).toBe('\u00a0a');
    expect(rubyStrip('\v\fa\r\n')).toBe('a');
  });
});
