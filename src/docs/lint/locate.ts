/**
 * @module
 * Maps a path in the bundled document back to the source file and line it was written at.
 */
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { BundleResult } from '../../spec/bundle.js';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export class SourceLocator {
  private readonly parsed = new Map<string, { contents: Node | null; lines: LineCounter }>();

  constructor(
    private readonly root: string,
    private readonly origins: BundleResult['origins'],
  ) {}

  locate(path: readonly (string | number)[]): SourceLocation {
    const keys = path.map(String);
    const origin = this.origins.find((o) => o.prefix.every((p, i) => keys[i] === p));
    const file = origin?.file ?? this.root;
    const inner = origin ? keys.slice(origin.prefix.length) : keys;
    const { contents, lines } = this.parse(file);
    let node: Node | null = contents;
    let offset = node?.range?.[0] ?? 0;
    for (const key of inner) {
      const next = child(node, key);
      if (!next) break;
      node = next.node;
      offset = next.keyOffset ?? next.node?.range?.[0] ?? offset;
    }
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  }

  private parse(file: string) {
    let hit = this.parsed.get(file);
    if (!hit) {
      const lines = new LineCounter();
      let contents: Node | null = null;
      try {
        contents = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines }).contents;
      } catch {
        contents = null;
      }
      hit = { contents, lines };
      this.parsed.set(file, hit);
    }
    return hit;
  }
}

function child(node: Node | null, key: string): { node: Node | null; keyOffset: number | undefined } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === key);
    if (!pair) return undefined;
    const keyNode = pair.key as Node | null;
    return { node: (pair.value as Node | null) ?? null, keyOffset: keyNode?.range?.[0] };
  }
  if (isSeq(node)) {
    const item = node.items[Number(key)] as Node | undefined;
    return item ? { node: item, keyOffset: item.range?.[0] } : undefined;
  }
  return undefined;
}
