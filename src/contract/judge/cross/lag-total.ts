/**
 * @module
 * The real server's duration rule for the status bar (reference, "Duration rule" and §5): the
 * heartbeats of the user's local day, ordered by time, each contribute the gap since the previous
 * one capped at 120 s (the day's first contributes 0); the sum is cast to an integer (`::integer`,
 * which rounds).
 */

/** The 2-minute rule's cap, in seconds. */
const CAP_SECONDS = 120;

/**
 * @example
 * lagTotal([100, 160, 500]) // 60 + 120 = 180
 */
export function lagTotal(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let sum = 0;
  for (let i = 1; i < sorted.length; i++) sum += Math.min(sorted[i]! - sorted[i - 1]!, CAP_SECONDS);
  return Math.round(sum);
}
