/**
 * What sensitive_data_leak takes for a secret or personal data, by name and by value.
 */
import { describe, expect, it } from 'vitest';
import { masked, sensitiveKind } from '../../../src/contract/judge/sensitive.js';

describe('sensitiveKind', () => {
  it('knows a secret or personal datum by a word of its name', () => {
    expect(sensitiveKind('api_key', 1)).toBe('an API key');
    expect(sensitiveKind('apiKey', 1)).toBe('an API key');
    expect(sensitiveKind('accessToken', 'x')).toBe('a token');
    expect(sensitiveKind('password_digest', 'x')).toBe('a password');
    expect(sensitiveKind('last_ip', null)).toBe('an IP address');
    expect(sensitiveKind('EMAIL', 'x')).toBe('an email address');
  });

  it('knows one by the shape of its value, whatever its name', () => {
    expect(sensitiveKind('owner', `hka_${'0f'.repeat(32)}`)).toBe('an admin API key (hka_ + 64 hex digits)');
    expect(sensitiveKind('ref', '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d')).toBe('a user API key (a UUID)');
    expect(sensitiveKind('contact', 'heidi@example.org')).toBe('an email address');
    expect(sensitiveKind('seen_from', '10.0.0.12')).toBe('an IP address');
  });

  it('leaves alone words that only contain one (zip, keystrokes, monkey) and ordinary values', () => {
    for (const name of ['zip', 'keystrokes', 'monkey', 'tokenizer_version', 'karma', 'display_name'])
      expect(sensitiveKind(name, 'hello'), name).toBeUndefined();
    expect(sensitiveKind('version', '1.2.3')).toBeUndefined();
  });
});

describe('masked', () => {
  it('shows a value only by its type and length', () => {
    expect(masked('secret-value')).toBe('[hidden: a string of 12 characters]');
    expect(masked(null)).toBe('[hidden: null]');
    expect(masked(12)).toBe('[hidden: number]');
  });
});
