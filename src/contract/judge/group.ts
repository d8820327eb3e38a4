/**
 * @module
 * One finding per check and answer: when a check finds several problems in one answer (a body of
 * `{}` misses every required field), they become one finding that lists every pointer, so a badly
 * broken server gives a page a person can read instead of one block per field. The first problem
 * keeps its particulars (pointer, schema path, expected, received); the message names them all.
 */
import type { FindingDraft } from '../findings.js';

/** Problems named in the message before "and N more". */
const LISTED = 8;

/**
 * @example
 * groupDrafts([a]) // [a]
 * groupDrafts([a, b]) // [{ ...a, pointers: [a.pointer, b.pointer], message: '2 problems: …' }]
 */
export function groupDrafts(drafts: readonly FindingDraft[]): FindingDraft[] {
  const [first] = drafts;
  if (first === undefined || drafts.length === 1) return [...drafts];
  const bySeverity = new Map<string, FindingDraft[]>();
  for (const d of drafts) bySeverity.set(d.severity ?? 'error', [...(bySeverity.get(d.severity ?? 'error') ?? []), d]);
  if (bySeverity.size > 1) return [...bySeverity.values()].flatMap(groupDrafts);
  const where = (d: FindingDraft) => d.pointer ?? d.header ?? '';
  // A message that already starts with its place (`/trust_value must be integer`) is not prefixed again.
  const line = (d: FindingDraft) =>
    where(d) !== '' && d.message.startsWith(where(d)) ? d.message : `${where(d) || '(body)'}: ${d.message}`;
  const problems = [...new Set(drafts.map(line))];
  const more = problems.length > LISTED ? [`and ${problems.length - LISTED} more`] : [];
  const pointers = [...new Set(drafts.flatMap((d) => (d.pointer === undefined ? [] : [d.pointer])))];
  const summary =
    problems.length === 1
      ? problems[0]
      : `${problems.length} problems in this answer — ${[...problems.slice(0, LISTED), ...more].join('; ')}`;
  return [
    {
      ...first,
      message: summary ?? first.message,
      key: [...new Set(drafts.map((d) => d.key))].sort().join('|'),
      ...(pointers.length > 0 ? { pointers } : {}),
    },
  ];
}
