/**
 * @module
 * How fresh the mock's answers are. `immediate` (the default): every answer reflects the world at
 * the request. `real`: answers age as the real server's do, against the mock's clock —
 * - `/api/summary` is kept a minute (`Rails.cache.fetch(…, expires_in: 1.minute)`,
 *   hackclub/hackatime `lib/wakatime_service.rb:66-69`, used by `app/controllers/api/summary_controller.rb:18`);
 * - a user's streak is kept an hour (`app/models/concerns/heartbeatable.rb:175`, read at `:96-100`);
 * - leaderboards come from the builds of `LeaderboardUpdateJob` (see `answers/leaderboard-builds.ts`).
 */

export type Freshness = 'immediate' | 'real';

/** How long a kept value is served, ms. */
export const SUMMARY_TTL_MS = 60_000;
export const STREAK_TTL_MS = 3_600_000;

/** Kept values at most (the oldest go first): a summary is kept per URL. */
const MAX_KEPT = 5_000;

/**
 * The mock's `Rails.cache`, one per mock (in its `MockState`); with `immediate` it keeps nothing.
 * @example
 * const streak = state.freshness.fetch(`streak:${user.id}`, now, STREAK_TTL_MS, () => streakDays(…));
 */
export class FreshnessStore {
  private readonly kept = new Map<string, { at: number; value: unknown }>();

  constructor(readonly mode: Freshness = 'immediate') {}

  /** The value computed less than `ttlMs` ago under `key`, else `compute()` (kept from `now`). */
  fetch<T>(key: string, now: number, ttlMs: number, compute: () => T): T {
    if (this.mode === 'immediate') return compute();
    const hit = this.kept.get(key);
    if (hit !== undefined && now >= hit.at && now - hit.at < ttlMs) return hit.value as T;
    const value = compute();
    this.kept.delete(key);
    this.kept.set(key, { at: now, value });
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return value;
  }

  reset(): void {
    this.kept.clear();
  }
}
