/**
 * @module
 * Which operations a run covers: `--include-operation-id`, `--exclude-operation-id`, `--tag`,
 * `--include-deprecated` (an operation named by `--include-operation-id` runs even when deprecated).
 */

import { UsageError } from '../../spec/errors.js';
import type { IndexedOperation } from '../../spec/operations.js';

export interface OperationFilters {
  includeOperationIds?: readonly string[];
  excludeOperationIds?: readonly string[];
  tags?: readonly string[];
  includeDeprecated?: boolean;
}

function closest(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  const hit =
    known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
  return hit ? ` (did you mean ${hit}?)` : '';
}

export function selectOperations(operations: readonly IndexedOperation[], filters: OperationFilters): IndexedOperation[] {
  const ids = operations.map((op) => op.operationId);
  const tags = [...new Set(operations.flatMap((op) => op.tags))];
  for (const id of [...(filters.includeOperationIds ?? []), ...(filters.excludeOperationIds ?? [])]) {
    if (!ids.includes(id)) throw new UsageError(`unknown operationId "${id}"${closest(id, ids)}`);
  }
  for (const tag of filters.tags ?? []) {
    if (!tags.includes(tag)) throw new UsageError(`unknown tag "${tag}"${closest(tag, tags)}; tags: ${tags.join(', ')}`);
  }
  const include = filters.includeOperationIds?.length ? new Set(filters.includeOperationIds) : undefined;
  const exclude = new Set(filters.excludeOperationIds ?? []);
  const selected = operations.filter(
    (op) =>
      (include ? include.has(op.operationId) : filters.includeDeprecated === true || !op.deprecated) &&
      !exclude.has(op.operationId) &&
      (!filters.tags?.length || op.tags.some((t) => filters.tags!.includes(t))),
  );
  if (selected.length === 0) throw new UsageError('no operation matches the filters');
  return selected;
}
