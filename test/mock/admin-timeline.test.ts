/**
 * The admin timeline, against `app/controllers/api/admin/v1/timeline_controller.rb` and
 * `app/services/timeline_service.rb` at 62542c2d.
 */
import { describe, expect, it } from 'vitest';
import { fuzzySearch } from '../../src/mock/answers/admin-fuzzy-search.js';
import { createMock } from '../../src/server/server.js';
import { type Heartbeat, localDate } from '../../src/world/index.js';
import { adminCall } from '../helpers/admin-api.js';
import { type MockTarget, NOW, SEED } from '../helpers/mock.js';

const mock = createMock({ seed: SEED, now: NOW });
const world = mock.world;
const target: MockTarget = { transport: 'in-process', world, fetch: async (path, init) => mock.app.request(path, init) };
const get = <T = Record<string, unknown>>(operationId: string, path: string, status = 200) =>
  adminCall<T>(target, operationId, path, status, { as: 'viewer' });
const viewer = world.users.find((u) => u.adminLevel === 'viewer');

interface Timeline {
  date: string;
  next_date: string;
  prev_date: string;
  users: {
    user: { id: number; timezone: string };
    spans: { start_time: number; end_time: number; duration: number }[];
    total_coded_time: number;
  }[];
  commit_markers: unknown[];
}

describe('GET /api/admin/v1/timeline (timeline_controller.rb:7-46)', () => {
  it("shows the caller first in the selection, each user's own local day as spans split at gaps over 10 minutes", async () => {
    const body = await get<Timeline>('getAdminTimeline', '/api/admin/v1/timeline?date=2026-08-21&user_ids=1,3,1,99999');
    expect(body).toMatchObject({ date: '2026-08-21', next_date: '2026-08-22', prev_date: '2026-08-20', commit_markers: [] });
    expect(body.users.map((u) => u.user.id)).toEqual([1, 3, viewer?.id].filter((id) => id !== undefined).sort((a, b) => a - b));
    for (const entry of body.users) {
      const zone = entry.user.timezone;
      const rows = world.heartbeatsOf(entry.user.id).filter((hb) => localDate(hb.time * 1000, zone) === '2026-08-21');
      // total_coded_time: each_cons(2) capped at 120 s, then `to_i` (timeline_service.rb:22).
      let sum = 0;
      for (let i = 1; i < rows.length; i++) sum += Math.min((rows[i] as Heartbeat).time - (rows[i - 1] as Heartbeat).time, 120);
      expect(entry.total_coded_time).toBe(Math.trunc(sum));
      expect(entry.spans.length > 0).toBe(rows.length > 0);
      for (let i = 1; i < entry.spans.length; i++) {
        const previous = entry.spans[i - 1] as Timeline['users'][number]['spans'][number];
        expect((entry.spans[i]?.start_time ?? 0) - previous.end_time).toBeGreaterThan(600);
      }
      for (const span of entry.spans) expect(span.duration).toBeCloseTo(span.end_time - span.start_time, 6);
    }
  });

  it('defaults to today (UTC); an empty or unreadable date is 422 Invalid date format', async () => {
    expect((await get<Timeline>('getAdminTimeline', '/api/admin/v1/timeline')).date).toBe('2026-08-22');
    expect(await get('getAdminTimeline', '/api/admin/v1/timeline?date=', 422)).toEqual({ error: 'Invalid date format' });
    expect(await get('getAdminTimeline', '/api/admin/v1/timeline?date=nope', 422)).toEqual({ error: 'Invalid date format' });
  });

  it('adds the users of slack_uids after user_ids', async () => {
    const demo = world.userById(1);
    const body = await get<Timeline>('getAdminTimeline', `/api/admin/v1/timeline?slack_uids=${demo?.slackUid}`);
    expect(body.users.map((u) => u.user.id)).toContain(1);
  });
});

describe('the timeline pickers (timeline_controller.rb:48-83)', () => {
  it('search_users ranks an exact username first, and needs a query', async () => {
    const body = await get<{ users: { id: number }[] }>('getAdminTimelineSearchUsers', '/api/admin/v1/timeline/search_users?query=DEMO');
    expect(body.users[0]?.id).toBe(1);
    expect(await get('getAdminTimelineSearchUsers', '/api/admin/v1/timeline/search_users?query=%20', 422)).toEqual({
      error: 'Query parameter is required',
    });
  });

  it('scores as user_fuzzy_search.rb: +1000 for the id, +100 exact, +50 prefix, +10 contains per field', () => {
    const demo = world.userById(1);
    const byId = fuzzySearch(world, '1', 20).find((r) => r.user.id === 1);
    expect(byId?.rankScore).toBeGreaterThanOrEqual(1000);
    const exact = fuzzySearch(world, 'demo', 20)[0];
    expect(exact?.user.id).toBe(1);
    expect(exact?.matchedEmail).toBe(demo?.emails.find((e) => e.startsWith('demo')) ?? demo?.emails[0]);
    expect(fuzzySearch(world, '   ', 20)).toEqual([]);
  });

  it("leaderboard_users: the caller first, then today's board by total, at most 25", async () => {
    const { users } = await get<{ users: { id: number }[] }>(
      'getAdminTimelineLeaderboardUsers',
      '/api/admin/v1/timeline/leaderboard_users',
    );
    expect(users[0]?.id).toBe(viewer?.id);
    const daily = (await (await mock.app.request('/api/v1/leaderboard/daily')).json()) as { entries: { user: { id: number } }[] };
    const shadowBanned = world.userByUsername(world.roles.shadowBanned);
    // The public board leaves shadow-banned users out; this list does not (tl:63-66).
    const publicIds = daily.entries.map((e) => e.user.id).filter((id) => id !== viewer?.id);
    expect(
      users
        .slice(1)
        .map((u) => u.id)
        .filter((id) => id !== shadowBanned?.id),
    ).toEqual(publicIds);
    expect(users.length).toBeLessThanOrEqual(25);
  });
});
