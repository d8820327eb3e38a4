/**
 * @module
 * `hackatime-kit contract --checks`: every check the runner can report, by name, with what it
 * asserts — the ones over each answer, then the transport failures, then the rules `x-invariants`
 * may name (judged by `domain_invariant`).
 */
import { CHECKS } from './checks/index.js';
import { RULES } from './invariants/index.js';

const TRANSPORT: readonly { name: string; summary: string }[] = [
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
  const all = [...CHECKS, ...TRANSPORT, ...rules];
  const width = Math.max(...all.map((c) => c.name.length)) + 2;
  const line = (c: { name: string; summary: string }) => `${c.name.padEnd(width)}${c.summary}\n`;
  return `${[...CHECKS, ...TRANSPORT].map(line).join('')}\nRules of x-invariants (domain_invariant):\n${rules.map(line).join('')}`;
}
