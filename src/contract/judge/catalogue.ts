/**
 * @module
 * `hackatime-kit contract --checks`: every check the runner can report, by name, with what it
 * asserts — the ones over each answer, then the transport failures.
 */
import { CHECKS } from './checks/index.js';

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
  const all = [...CHECKS, ...TRANSPORT];
  const width = Math.max(...all.map((c) => c.name.length)) + 2;
  return all.map((c) => `${c.name.padEnd(width)}${c.summary}\n`).join('');
}
