/** Hand-made times for the world's unit tests: fixed inputs only (rows: ../helpers/heartbeats.ts). */

/** Unix seconds of an ISO instant. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms / 1000;
}

/** Minimal timed rows with ids 1..n, for duration and span rules. */
export function timed(times: readonly number[]): { id: number; time: number }[] {
  return times.map((time, i) => ({ id: i + 1, time }));
}

/** Heartbeats every `step` seconds from `start` for `count` beats. */
export function series(start: number, step: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i * step);
}
