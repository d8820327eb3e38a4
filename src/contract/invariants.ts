/**
 * @module
 * The `x-invariants` extension of an operation (openapi/README.md): domain rules about one answer
 * that a schema cannot say — a text that must agree with its seconds, percentages that sum to 100,
 * a list in a documented order, a `limit` honoured, items inside the requested window. The plan
 * reads `with` (a rule that needs parameters gets a request of its own), the judge the rest.
 */
import { SpecError } from '../spec/errors.js';
import type { IndexedOperation } from '../spec/operations.js';

/** The rule vocabulary, each implemented once in `judge/invariants/`. */
const INVARIANT_RULES = ['text-matches-seconds', 'percent-sums-to-100', 'sorted-by', 'limit-honoured', 'items-within-window'] as const;

export type InvariantRule = (typeof INVARIANT_RULES)[number];

export interface Invariant {
  rule: InvariantRule;
  /** Where in a 2xx body: a JSON pointer in which `*` stands for every item of an array. */
  at: string;
  /** The rule's own arguments (`format`, `by`, `parameter`, …), checked by the rule. */
  args: Readonly<Record<string, unknown>>;
  /** Query parameters the runner sends in a request of its own so that the plain run exercises the rule. */
  with: Readonly<Record<string, string>> | undefined;
  /**
   * Set when the real server itself breaks the rule (a documented quirk): the rule is written down
   * and listed, not enforced.
   */
  quirk: string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseOne(op: IndexedOperation, raw: unknown, i: number): Invariant {
  const where = `${op.operationId}: x-invariants[${i}]`;
  if (!isRecord(raw)) throw new SpecError(`${where} must be an object`);
  const { rule, at, with: params, quirk, ...args } = raw;
  if (typeof rule !== 'string' || !(INVARIANT_RULES as readonly string[]).includes(rule))
    throw new SpecError(`${where}: rule must be one of ${INVARIANT_RULES.join(', ')}, not ${JSON.stringify(rule)}`);
  if (typeof at !== 'string' || !(at === '' || at.startsWith('/'))) throw new SpecError(`${where}: at must be a JSON pointer`);
  if (params !== undefined && (!isRecord(params) || Object.values(params).some((v) => typeof v !== 'string')))
    throw new SpecError(`${where}: with must map parameter names to strings`);
  if (quirk !== undefined && typeof quirk !== 'string') throw new SpecError(`${where}: quirk must be a sentence`);
  return { rule: rule as InvariantRule, at, args, with: params as Record<string, string> | undefined, quirk };
}

const parsed = new WeakMap<IndexedOperation, readonly Invariant[]>();

/**
 * The operation's invariants; throws a SpecError for a malformed one.
 * @example
 * invariantsOf(spec.byOperationId.get('getLeaderboard')!) // [{ rule: 'sorted-by', at: '/entries', … }]
 */
export function invariantsOf(op: IndexedOperation): readonly Invariant[] {
  const known = parsed.get(op);
  if (known) return known;
  const raw = op.extensions['x-invariants'];
  if (raw !== undefined && !Array.isArray(raw)) throw new SpecError(`${op.operationId}: x-invariants must be a list`);
  const rules = (raw ?? []).map((r, i) => parseOne(op, r, i));
  parsed.set(op, rules);
  return rules;
}
