/**
 * Independent expectations for the per-user stats tests beyond the 2-minute rule (in
 * ../helpers/heartbeats.ts): the real server's span rule and its timestamp format, written again
 * here rather than imported from the world.
 */
import type { Timed } from '../helpers/heartbeats.js';

export interface ExpectedSpan {
  start_time: number;
  end_time: number;
  duration: number;
}

/** Spans: runs with gaps of at most 120 s; a closed span gets +120 s, the last one nothing; zero-length ones dropped. */
export function spansOf(rows: readonly Timed[]): ExpectedSpan[] {
  const sorted = [...rows].sort((a, b) => a.time - b.time || a.id - b.id);
  const runs: Timed[][] = [];
  for (const hb of sorted) {
    const run = runs[runs.length - 1];
    if (run && hb.time - run[run.length - 1]!.time <= 120) run.push(hb);
    else runs.push([hb]);
  }
  return runs
    .map((run, i) => {
      const first = run[0]!.time;
      const last = run[run.length - 1]!.time;
      const final = i === runs.length - 1;
      const inside = Math.round(last - first);
      return { start_time: first, end_time: final ? last : last + 120, duration: final ? inside : inside + 120 };
    })
    .filter((span) => span.duration > 0);
}

/** `strftime("%Y-%m-%dT%H:%M:%SZ")` of epoch seconds in UTC. */
export const utcStamp = (seconds: number) => `${new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19)}Z`;
