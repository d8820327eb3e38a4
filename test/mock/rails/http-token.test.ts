/**
 * Rails 8.1's reading of a token header (`actionpack/lib/action_controller/metal/http_authentication.rb:427-528`,
 * `Token#token_and_options` → `raw_params` → `params_array_from` → `rewrite_param_values`).
 */
import { describe, expect, it } from 'vitest';
import { railsToken } from '../../../src/mock/rails/ruby/http-token.js';

describe('railsToken', () => {
  it('reads `Bearer` and `Token`, case-sensitively (TOKEN_REGEX = /^(Token|Bearer)\\s+/)', () => {
    expect(railsToken('Bearer abc')).toBe('abc');
    expect(railsToken('Token abc')).toBe('abc');
    expect(railsToken('Bearer\tabc')).toBe('abc');
    expect(railsToken('bearer abc')).toBeUndefined();
    expect(railsToken('TOKEN abc')).toBeUndefined();
    expect(railsToken('Basic abc')).toBeUndefined();
    expect(railsToken('Bearerabc')).toBeUndefined();
    expect(railsToken(undefined)).toBeUndefined();
  });

  it('takes the first item split on `,`, `;` or tab, stripped, with `token=` and quotes removed', () => {
    expect(railsToken('Token token="abc"')).toBe('abc');
    expect(railsToken('Token token="abc", nonce="x"')).toBe('abc');
    expect(railsToken('Bearer abc;def')).toBe('abc');
    expect(railsToken('Bearer   abc  , def')).toBe('abc');
    expect(railsToken('Bearer ,abc')).toBe('abc');
    // The value is everything after the first `=` of `token=<credential>`.
    expect(railsToken('Bearer a=b')).toBe('a=b');
    expect(railsToken('Bearer "abc')).toBe('abc');
  });

  it('treats a blank credential as none', () => {
    expect(railsToken('Bearer ')).toBeUndefined();
    expect(railsToken('Bearer  , ;')).toBeUndefined();
    expect(railsToken('Token token=')).toBeUndefined();
    expect(railsToken('Token token=""')).toBeUndefined();
  });
});
