/**
 * @module
 * When a leaderboard exists on the real server: `LeaderboardUpdateJob` builds today's (UTC) daily
 * board every minute and the weekly one every seventh minute of the hour (cron `* * * * *` and
 * `*\/7 * * * *`, hackclub/hackatime `config/initializers/good_job.rb:30-41`), from the heartbeats
 * up to the build's start (`app/jobs/leaderboard_update_job.rb:20-27`); until the first build of the
 * day has finished the API answers `503 {"error":"Leaderboard is being generated"}`
 * (`app/controllers/api/v1/leaderboard_controller.rb:8-10`, `app/services/leaderboard_service.rb:14-23`),
 * and `generated_at` is the build's finish (`finished_generating_at`). The mock's model: a build
 * finishes `BUILD_MS` after its cron tick (the job's queue is `latency_10s`).
 */
import { utcDate } from '../../world/time-zone.js';

const BUILD_MS = 10_000;
const MINUTE_MS = 60_000;

/** `LeaderboardPeriod` of `leaderboard.ts` (restated: that module imports this one). */
type LeaderboardPeriod = 'daily' | 'last_7_days';

export interface LeaderboardBuild {
  /** The cron tick the build started at (its heartbeats end there), epoch ms. */
  startedAt: number;
  /** `finished_generating_at`, epoch ms. */
  finishedAt: number;
}

/** The latest cron tick of `period` at or before `at` (epoch ms). */
function tickAtOrBefore(period: LeaderboardPeriod, at: number): number {
  const minute = Math.floor(at / MINUTE_MS);
  if (period === 'daily') return minute * MINUTE_MS;
  const hourStart = minute - (minute % 60);
  return (hourStart + Math.floor((minute - hourStart) / 7) * 7) * MINUTE_MS;
}

/**
 * The newest finished build of today's board at `now`, or `undefined` while the day's first build
 * is still running (the 503).
 * @example
 * latestBuild('daily', Date.parse('2026-08-22T18:30:00Z')); // started 18:29:00, finished 18:29:10
 * latestBuild('daily', Date.parse('2026-08-22T00:00:05Z')); // undefined
 */
export function latestBuild(period: LeaderboardPeriod, now: number): LeaderboardBuild | undefined {
  const startedAt = tickAtOrBefore(period, now - BUILD_MS);
  if (utcDate(startedAt) !== utcDate(now)) return undefined;
  return { startedAt, finishedAt: startedAt + BUILD_MS };
}
