/**
 * @module
 * How values look in text reports: scalars and short lists inline, objects as YAML, at most 20 lines.
 */
import { Document, isScalar as isYamlScalar, visit } from 'yaml';

const SNIPPET_LINES = 20;

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** One line for a scalar or a list of scalars; else YAML lines. */
export function formatValue(value: unknown): string[] {
  if (value === undefined) return ['(missing)'];
  if (isScalar(value)) return [JSON.stringify(value)];
  if (Array.isArray(value) && value.every(isScalar)) {
    const line = JSON.stringify(value);
    if (line.length <= 100) return [line];
  }
  return renderSnippet(value);
}

/** The environment variables (`HACKATIME_API_KEY`, …) the findings' curl lines read, sorted. */
export const curlVariableNames = (findings: readonly { curl: string }[]): string[] =>
  [...new Set(findings.flatMap((f) => [...f.curl.matchAll(/\$\{?(HACKATIME_[A-Z0-9_]+)/g)].map((m) => m[1] ?? '')))].sort();

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** YAML of `value`, cut to `SNIPPET_LINES` lines. */
function renderSnippet(value: unknown): string[] {
  const doc = new Document(value);
  // Lists of plain values (enum, required, type) read best on one line.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isYamlScalar(item))) node.flow = true;
    },
  });
  const lines = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd().split('\n');
  return lines.length <= SNIPPET_LINES
    ? lines
    : [...lines.slice(0, SNIPPET_LINES - 1), `… (${lines.length - SNIPPET_LINES + 1} more lines)`];
}
