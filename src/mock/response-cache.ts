/**
 * @module
 * Replies to GETs, kept until the world changes. A reply depends on the URL, who asks, the world's
 * version and the current second (for "N minutes ago"); entries are found by URL first, so a hit
 * costs one map lookup and a comparison rather than building and hashing one long key.
 */
import type { Caller } from './auth.js';
import type { RenderedReply } from './render.js';

export interface CacheSlot {
  who: string;
  version: number;
  second: number;
}

interface Entry extends CacheSlot {
  reply: RenderedReply;
}

/** Who a reply was computed for: the credential's kind, its user and (for OAuth) its token. */
export const whoAsks = (caller: Caller<{ id: number }> | undefined): string =>
  caller ? `${caller.method}:${caller.user?.id ?? '-'}:${caller.token ?? ''}:${caller.adminKeyId ?? ''}` : 'anonymous';

const same = (a: CacheSlot, b: CacheSlot) => a.who === b.who && a.version === b.version && a.second === b.second;

export class ResponseCache {
  private readonly entries = new Map<string, Entry[]>();

  constructor(private readonly capacity: number) {}

  get(href: string, slot: CacheSlot): RenderedReply | undefined {
    const list = this.entries.get(href);
    if (!list) return undefined;
    for (const entry of list) if (same(entry, slot)) return entry.reply;
    return undefined;
  }

  set(href: string, slot: CacheSlot, reply: RenderedReply): void {
    // Older versions and seconds of a URL are never asked for again: keep only the current ones.
    const list = (this.entries.get(href) ?? []).filter((e) => e.version === slot.version && e.second === slot.second && e.who !== slot.who);
    list.push({ ...slot, reply });
    // Insertion order is age order: drop the oldest URL when full.
    if (!this.entries.has(href) && this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(href, list);
  }

  clear(): void {
    this.entries.clear();
  }
}
