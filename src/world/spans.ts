/**
 * @module
 * Coding spans (`Heartbeatable.to_span`, endpoint 10): runs of heartbeats no more than 120 s
 * apart.
 */
import { HEARTBEAT_TIMEOUT_SECONDS } from './durations.js';
import type { Timed } from './sorted.js';

export interface Span {
  /** Float epoch seconds of the span's first heartbeat. */
  start_time: number;
  /** Last heartbeat + 120 s, or the last heartbeat itself for the final span. */
  end_time: number;
  /** Integer seconds: rounded in-span time, + 120 unless it is the final span. */
  duration: number;
}

/**
 * Spans of heartbeats sorted by (time, id). A span closes when the next heartbeat is more than
 * 120 s away; spans of duration 0 are dropped, so a lone final heartbeat yields nothing while a
 * lone heartbeat followed by a far one yields a 120 s span.
 * @example
 * toSpans([{ id: 1, time: 0 }, { id: 2, time: 1000 }])
 * // [{ start_time: 0, end_time: 120, duration: 120 }]
 */
export function toSpans(rows: readonly Timed[]): Span[] {
  const spans: Span[] = [];
  const first = rows[0];
  if (!first) return spans;
  let spanStart = first.time;
  for (let i = 0; i < rows.length; i++) {
    const current = (rows[i] as Timed).time;
    const next = rows[i + 1]?.time;
    if (next !== undefined && next - current <= HEARTBEAT_TIMEOUT_SECONDS) continue;
    // Ruby's Float#round: half away from zero (the difference is never negative here).
    const base = Math.round(current - spanStart);
    let duration = base;
    let endTime = current;
    if (next !== undefined) {
      // The gap is over the timeout here, so the minimum is always the timeout itself.
      duration = base + HEARTBEAT_TIMEOUT_SECONDS;
      endTime = current + HEARTBEAT_TIMEOUT_SECONDS;
    }
    if (duration > 0) spans.push({ start_time: spanStart, end_time: endTime, duration });
    if (next !== undefined) spanStart = next;
  }
  return spans;
}
