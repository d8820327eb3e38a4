/**
 * @module
 * Replies to GETs, kept until the world changes. The key holds everything a reply depends on: the
 * operation and URL, who asks, the world's version and the current second (for "N minutes ago").
 */
import type { Caller } from './auth.js';
import type { RenderedReply } from './render.js';

export class ResponseCache {
  private readonly entries = new Map<string, RenderedReply>();

  constructor(private readonly capacity: number) {}

  static key(operationId: string, href: string, caller: Caller<{ id: number }> | undefined, version: number, now: number): string {
    const who = caller ? `${caller.method}:${caller.user?.id ?? '-'}:${caller.token ?? ''}` : 'anonymous';
    return `${operationId}\u0000${href}\u0000${who}\u0000${version}\u0000${Math.floor(now / 1000)}`;
  }

  get(key: string): RenderedReply | undefined {
    return this.entries.get(key);
  }

  set(key: string, reply: RenderedReply): void {
    // Insertion order is age order: drop the oldest when full.
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, reply);
  }
}
