/**
 * @module
 * `hackatime-kit contract --checks`: every check the runner can report, by name, with what it
 * asserts — the ones over each answer, then the transport failures, then the rules `x-invariants`
 * may name (judged by `domain_invariant`), then the cross-checks (`consistent_across_answers`).
 */
import { CHECKS } from './checks/index.js';
import { CROSS_CHECKS } from './cross/index.js';
import { RULES } from './invariants/index.js';

/** The checks that are not over one answer: across answers, and the transport failures. */
const OTHERS: readonly { name: string; summary: string }[] = [
  { name: 'consistent_across_answers', summary: 'Answers of different operations agree where the server guarantees it (see below).' },
  { name: 'request_timeout', summary: 'Every request is answered in full within --timeout.' },
  { name: 'network_error', summary: 'No connection fails during the run (after --retries).' },
];

/**
 * One line per check, name padded to a column.
 * @example
 * checkList().startsWith('not_a_server_error ') // true
 */
export function checkList(): string {
  const rules = Object.values(RULES).map((r) => ({ name: `  ${r.name}`, summary: r.summary }));
  const cross = CROSS_CHECKS.map((c) => ({ name: `  ${c.name}`, summary: c.summary }));
  const all = [...CHECKS, ...OTHERS, ...rules, ...cross];
  const width = Math.max(...all.map((c) => c.name.length)) + 2;
  const line = (c: { name: string; summary: string }) => `${c.name.padEnd(width)}${c.summary}\n`;
  return [
    [...CHECKS, ...OTHERS].map(line).join(''),
    `Rules of x-invariants (domain_invariant):\n${rules.map(line).join('')}`,
    `Cross-checks (consistent_across_answers):\n${cross.map(line).join('')}`,
  ].join('\n');
}
