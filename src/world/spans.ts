/**
 * @module
 * Coding spans (`Heartbeatable.to_span`, endpoint 10): runs of heartbeats no more than 120 s
 * apart.
 */
import { HEARTBEAT_TIMEOUT_SECONDS } from './durations.js';

export interface Span {
  /** Float epoch seconds of the span's first heartbeat. */
  start_time: number;
  /** Last heartbeat + 120 s, or the last heartbeat itself for the final span. */
  end_time: number;
  /** Integer seconds: rounded in-span time, + 120 unless it is the final span. */
  duration: number;
}

/**
 * Spans of heartbeats sorted by (time, id), given by their times. A span closes when the next heartbeat is more than
 * 120 s away; spans of duration 0 are dropped, so a lone final heartbeat yields nothing while a
 * lone heartbeat followed by a far one yields a 120 s span.
 * @example
 * toSpans([0, 1000])
 * // [{ start_time: 0, end_time: 120, duration: 120 }]
 */
export function toSpans(times: ArrayLike<number>): Span[] {
  const spans: Span[] = [];
  if (times.length === 0) return spans;
  let spanStart = times[0] as number;
  for (let i = 0; i < times.length; i++) {
    const current = times[i] as number;
    const next = i + 1 < times.length ? (times[i + 1] as number) : undefined;
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
