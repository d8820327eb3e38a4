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
  /** Kept as given: an entry may compute its fields when read (the request log's lazy path). */
  private readonly entries: { id: number; entry: RequestLogEntry }[] = [];
  private next = 1;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  add(entry: RequestLogEntry): void {
    this.entries.push({ id: this.next++, entry });
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /** The kept entries numbered above `id`, oldest first. */
  after(id: number): NumberedRequest[] {
    return this.entries.filter((e) => e.id > id).map(({ id: n, entry }) => ({ id: n, ...plainEntry(entry) }));
  }
}
