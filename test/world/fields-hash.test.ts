import { describe, expect, it } from 'vitest';
import { AI_INDEXED_ATTRIBUTES, fieldsHash, fieldsHashSource, INDEXED_ATTRIBUTES, rubyFloat } from '../../src/world/fields-hash.js';
import { row } from '../helpers/heartbeats.js';

// The heartbeat of the reference's request example, as user 42.
const example = row({
  id: 1,
  user_id: 42,
  time: 1787407234.5,
  entity: '/home/orpheus/hackatime/app/models/user.rb',
  type: 'file',
  category: 'coding',
  project: 'hackatime',
  branch: 'main',
  language: 'Ruby',
  editor: 'vscode',
  operating_system: 'linux',
  machine: 'orpheus-laptop',
  user_agent: 'wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0',
  is_write: true,
  lineno: 42,
  lines: 350,
  cursorpos: 12,
  dependencies: ['rails'],
  ip_address: '203.0.113.10',
});

describe('fieldsHashSource', () => {
  it('lists the indexed attributes in the server’s order', () => {
    expect(Object.keys(JSON.parse(fieldsHashSource(example)))).toEqual([...INDEXED_ATTRIBUTES]);
  });

  it('appends only the AI attributes that are set, in their order', () => {
    const ai = { ...example, ai_input_tokens: 1200, ai_model: 'claude-sonnet-4-5', human_line_changes: 0 };
    const keys = Object.keys(JSON.parse(fieldsHashSource(ai)));
    expect(keys.slice(INDEXED_ATTRIBUTES.length)).toEqual(['ai_model', 'ai_input_tokens', 'human_line_changes']);
    expect(AI_INDEXED_ATTRIBUTES.indexOf('ai_model')).toBeLessThan(AI_INDEXED_ATTRIBUTES.indexOf('ai_input_tokens'));
  });

  it('writes floats the Ruby way and escapes HTML characters as Rails does', () => {
    const source = fieldsHashSource({ ...example, time: 1787407234, project: '<<LAST_PROJECT>> & co' });
    expect(source).toContain('"time":1787407234.0');
    expect(source).toContain('"project":"\\u003c\\u003cLAST_PROJECT\\u003e\\u003e \\u0026 co"');
  });
});

describe('fieldsHash', () => {
  it('matches MD5 of Ruby’s to_json for the same hash', () => {
    // Computed with Ruby 3.1: Digest::MD5.hexdigest(h.to_json) over the same 20 keys.
    expect(fieldsHash(example)).toBe('e047c53f2ae8ec5cfe9c6418628a9409');
    expect(fieldsHash({ ...example, time: 1787407234, ai_model: 'claude-sonnet-4-5', ai_input_tokens: 1200 })).toBe(
      'ba1bbf754fc002ba4570ae0d7ef116ef',
    );
  });

  it('ignores fields outside the dedup set', () => {
    const elsewhere = { ...example, id: 99, ip_address: '198.51.100.1', created_at: '2030-01-01T00:00:00.000Z' };
    expect(fieldsHash(elsewhere)).toBe(fieldsHash(example));
  });

  it('changes with the user, the time or any indexed field', () => {
    const base = fieldsHash(example);
    expect(fieldsHash({ ...example, user_id: 43 })).not.toBe(base);
    expect(fieldsHash({ ...example, time: 1787407234.501 })).not.toBe(base);
    expect(fieldsHash({ ...example, is_write: false })).not.toBe(base);
  });
});

describe('rubyFloat', () => {
  it('prints like Ruby’s Float#to_s', () => {
    expect([1787407234, 1787407234.512, 0.5, 1e16, 1.5e-7, 0.0001].map(rubyFloat)).toEqual([
      '1787407234.0',
      '1787407234.512',
      '0.5',
      '1.0e+16',
      '1.5e-07',
      '0.0001',
    ]);
  });
});
