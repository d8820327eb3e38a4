/**
 * @module
 * How values look in text reports: scalars and short lists inline, objects as YAML, at most 20 lines.
 */
import { renderSnippet } from '../schema-snippet.js';

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

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
