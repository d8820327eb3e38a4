/**
 * One finding per check and answer: several problems grouped, every pointer kept.
 */
import { describe, expect, it } from 'vitest';
import { groupDrafts } from '../../../src/contract/judge/group.js';

const draft = (pointer: string, message: string, severity?: 'warning') => ({
  title: 'T',
  message,
  key: `k${pointer}`,
  pointer,
  ...(severity ? { severity } : {}),
});

describe('groupDrafts', () => {
  it('leaves a single problem as it is', () => {
    expect(groupDrafts([draft('/a', 'bad')])).toEqual([draft('/a', 'bad')]);
  });

  it('groups several into one, listing each once and keeping every pointer', () => {
    const [grouped, ...rest] = groupDrafts([draft('/a', '/a must be integer'), draft('/b', 'missing'), draft('/a', '/a must be integer')]);
    expect(rest).toEqual([]);
    expect(grouped).toMatchObject({ pointer: '/a', pointers: ['/a', '/b'], key: 'k/a|k/b' });
    expect(grouped!.message).toBe('2 problems in this answer — /a must be integer; /b: missing');
  });

  it('keeps errors and warnings apart, and cuts a long list', () => {
    expect(groupDrafts([draft('/a', 'x'), draft('/b', 'y', 'warning')])).toHaveLength(2);
    const many = Array.from({ length: 12 }, (_, i) => draft(`/p${i}`, `m${i}`));
    expect(groupDrafts(many)[0]!.message).toMatch(/^12 problems in this answer — \/p0: m0; .*; \/p7: m7; and 4 more$/);
  });
});
