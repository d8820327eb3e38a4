/**
 * @module
 * The last requests a mock answered, for `GET /__mock/requests` (the home page's live list): a
 * bounded ring, the oldest entry dropped first, each entry numbered so a poller asks only for what
 * it has not seen. The host that serves the mock on a socket fills it (src/server/request-log.ts
 * wraps the app's `fetch`); the entries are already redacted there, and are the same lines the
 * request log prints.
 */

/** One answered request, as the request log writes it. */
export interface RequestLogEntry {
  /** When the request came in (the machine's clock, not the mock's), ISO 8601. */
  time: string;
  method: string;
  /** Path and query, secrets redacted. */
  path: string;
  status: number;
  /** Milliseconds until the response was ready (its body may stream after). */
  ms: number;
  /** The world user the credentials named; `null` for an anonymous or refused request. */
  user: string | null;
}

/** An entry as a plain object, every field written (an entry may compute its fields when read). */
export function plainEntry(entry: RequestLogEntry): RequestLogEntry {
  const { time, method, path, status, ms, user } = entry;
  return { time, method, path, status, ms, user };
}

/** An entry as `/__mock/requests` lists it: numbered from 1 in the order the answers were ready. */
export interface NumberedRequest extends RequestLogEntry {
  id: number;
}

/** Entries kept: enough for a page that polls every second under a busy test suite. */
const DEFAULT_CAPACITY = 200;

/**
 * @example
 * const ring = new RequestRing(2);
 * ring.add(entry); ring.add(entry); ring.add(entry);
 * ring.after(0).map((e) => e.id); // [2, 3]
 */
export class RequestRing {
  /**
   * Kept as given (an entry may compute its fields when read: the request log's lazy path), in a
   * circular buffer: entry `n` sits in slot `n % capacity`, so adding one overwrites the oldest
   * instead of shifting the others down, and numbers need no storage of their own.
   */
  private readonly slots: (RequestLogEntry | undefined)[];
  /** The number the next entry gets. */
  private next = 1;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {
    this.slots = new Array<RequestLogEntry | undefined>(capacity).fill(undefined);
  }

  add(entry: RequestLogEntry): void {
    this.slots[this.next % this.capacity] = entry;
    this.next++;
  }

  /** The kept entries numbered above `id`, oldest first. */
  after(id: number): NumberedRequest[] {
    const listed: NumberedRequest[] = [];
    for (let n = Math.max(Math.floor(id) + 1, this.next - this.capacity, 1); n < this.next; n++) {
      const entry = this.slots[n % this.capacity];
      if (entry !== undefined) listed.push({ id: n, ...plainEntry(entry) });
    }
    return listed;
  }
}
