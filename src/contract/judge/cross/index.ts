/**
 * @module
 * Every cross-check, in report order; their findings are `consistent_across_answers`.
 */
import { adminStatsMatchPublic } from './admin-stats-match-public.js';
import type { CrossCheck } from './cross-check.js';
import { heartbeatsAddUp } from './heartbeats-add-up.js';
import { leaderboardWithinStats } from './leaderboard-within-stats.js';
import { statsMatchSummaries } from './stats-match-summaries.js';
import { statusbarMatchesSummary } from './statusbar-matches-summary.js';

export const CROSS_CHECKS: readonly CrossCheck[] = [
  statusbarMatchesSummary,
  statsMatchSummaries,
  leaderboardWithinStats,
  heartbeatsAddUp,
  adminStatsMatchPublic,
];
