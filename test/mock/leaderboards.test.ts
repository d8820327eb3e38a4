import { expect, it } from 'vitest';
import type { HeartbeatDraft } from '../../src/world/types.js';
import { draft, lagSeconds } from '../helpers/heartbeats.js';
import { describeBoth, type MockTarget, NOW } from '../helpers/mock.js';
import { credentials, type HeartbeatJson, rawHeartbeats } from '../helpers/mock-admin.js';
import { expectValid } from '../helpers/spec.js';

interface Entry {
  rank: number;
  user: { id: number; username: string; avatar_url: string };
  total_seconds: number;
}
interface Board {
  period: string;
  start_date: string;
  date_range: string;
  generated_at: string;
  entries: Entry[];
}

const NOW_S = NOW / 1000;
const DAY_S = 86_400;
const TODAY = new Date(NOW).toISOString().slice(0, 10);
const utcMidnight = (daysFromToday: number) => Date.parse(`${TODAY}T00:00:00Z`) / 1000 + daysFromToday * DAY_S;
/** Daily: the 24 h before NOW, end exclusive. Weekly: 00:00 six days back up to the next midnight. */
const DAILY = { from: NOW_S - DAY_S, to: NOW_S };
const WEEKLY = { from: utcMidnight(-6), to: utcMidnight(1) };

// The leaderboard rules written out again, independently of the mock.
const BROWSERS = [
  'arc',
  'brave',
  'chrome',
  'chromium',
  'edge',
  'firefox',
  'floorp',
  'librewolf',
  'microsoft-edge',
  'opera',
  'opera-gx',
  'safari',
  'vivaldi',
  'waterfox',
  'zen',
];
const eligible = (hb: HeartbeatJson) =>
  hb.category === 'coding' && !(hb.editor !== null && BROWSERS.includes(hb.editor.toLowerCase())) && hb.project !== '<<LAST_PROJECT>>';

/** The admin API's window is inclusive; the boards' end is not. */
async function heartbeatsIn(t: MockTarget, username: string, window: { from: number; to: number }): Promise<HeartbeatJson[]> {
  return (await rawHeartbeats(t, username, window.from, window.to)).filter((hb) => hb.time < window.to);
}

async function eligibleSeconds(t: MockTarget, username: string, window: { from: number; to: number }): Promise<number> {
  return lagSeconds((await heartbeatsIn(t, username, window)).filter(eligible));
}

const OPERATIONS: Record<string, string> = {
  '/api/v1/leaderboard': 'getLeaderboard',
  '/api/v1/leaderboard/daily': 'getDailyLeaderboard',
  '/api/v1/leaderboard/weekly': 'getWeeklyLeaderboard',
};

/** A board, checked against its operation's 200 schema on every fetch. */
async function board(t: MockTarget, path: string): Promise<Board> {
  const res = await t.fetch(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = (await res.json()) as Board;
  expectValid(OPERATIONS[path]!, 200, body);
  return body;
}

/** Who should be on a board and with what, from the raw heartbeats and the users' flags. */
async function expectedEntries(t: MockTarget, window: { from: number; to: number }): Promise<Map<number, number>> {
  const expected = new Map<number, number>();
  for (const u of (await credentials(t)).users) {
    const user = t.world.userById(u.id)!;
    if (u.trust_level === 'red' || user.githubUsername === null || user.leaderboardShadowBanned) continue;
    const seconds = await eligibleSeconds(t, u.username, window);
    if (seconds > 60) expected.set(u.id, seconds);
  }
  return expected;
}

function expectWellFormed(b: Board): void {
  expect(b.entries.map((e) => e.rank)).toEqual(b.entries.map((_, i) => i + 1));
  for (let i = 1; i < b.entries.length; i++) expect(b.entries[i - 1]!.total_seconds).toBeGreaterThanOrEqual(b.entries[i]!.total_seconds);
  for (const e of b.entries) expect(Number.isInteger(e.total_seconds) && e.total_seconds > 60).toBe(true);
}

describeBoth('leaderboards', (t) => {
  it('answers all three boards in the documented shape', async () => {
    for (const path of Object.keys(OPERATIONS)) expect((await board(t, path)).entries.length, path).toBeGreaterThan(3);
  });

  it('serves the daily board at /leaderboard too', async () => {
    expect(await board(t, '/api/v1/leaderboard')).toEqual(await board(t, '/api/v1/leaderboard/daily'));
  });

  it('dates the boards in UTC: today as start_date, a rolling 24 h or today and the 6 days before', async () => {
    const daily = await board(t, '/api/v1/leaderboard/daily');
    const weekly = await board(t, '/api/v1/leaderboard/weekly');
    const generatedAt = `${new Date(Math.floor(NOW / 1000) * 1000).toISOString().slice(0, 19)}Z`;
    expect(daily).toMatchObject({ period: 'daily', start_date: TODAY, date_range: 'Last 24 hours', generated_at: generatedAt });
    const month = (s: number) => new Date(s * 1000).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const day = (s: number) => String(new Date(s * 1000).getUTCDate()).padStart(2, '0');
    const last = utcMidnight(0);
    const range = `${month(WEEKLY.from)} ${day(WEEKLY.from)} - ${month(last)} ${day(last)}, ${new Date(last * 1000).getUTCFullYear()}`;
    expect(weekly).toMatchObject({ period: 'last_7_days', start_date: TODAY, date_range: range, generated_at: generatedAt });
    expect(range).toBe('Aug 16 - Aug 22, 2026');
  });

  for (const [name, path, window] of [
    ['daily', '/api/v1/leaderboard/daily', DAILY],
    ['weekly', '/api/v1/leaderboard/weekly', WEEKLY],
  ] as const) {
    it(`${name}: lists exactly the eligible users with their eligible time in the window, ranked`, async () => {
      const body = await board(t, path);
      expectWellFormed(body);
      const expected = await expectedEntries(t, window);
      expect(new Map(body.entries.map((e) => [e.user.id, e.total_seconds]))).toEqual(expected);
    });

    it(`${name}: shows each user's display name and avatar`, async () => {
      const users = new Map((await credentials(t)).users.map((u) => [u.id, u]));
      for (const e of (await board(t, path)).entries) {
        const user = t.world.userById(e.user.id)!;
        expect(e.user.username).toBe(users.get(e.user.id)!.display_name);
        expect(e.user.avatar_url).toBe(user.slackAvatarUrl ?? user.githubAvatarUrl);
      }
    });

    it(`${name}: leaves out banned, GitHub-less and shadow-banned users who have enough time`, async () => {
      const ids = (await board(t, path)).entries.map((e) => e.user.id);
      for (const role of ['banned', 'noGithub', 'shadowBanned'] as const) {
        const username = t.world.roles[role];
        const user = t.world.userByUsername(username)!;
        expect(await eligibleSeconds(t, username, window), `${role} has time to show`).toBeGreaterThan(60);
        expect(ids, role).not.toContain(user.id);
      }
      expect(ids).toContain(t.world.userByUsername(t.world.roles.demo)!.id);
    });
  }

  it("matches each user's own eligible time, independently of the other users", async () => {
    const demo = t.world.roles.demo;
    const weekly = await board(t, '/api/v1/leaderboard/weekly');
    const daily = await board(t, '/api/v1/leaderboard/daily');
    const id = t.world.userByUsername(demo)!.id;
    expect(weekly.entries.find((e) => e.user.id === id)!.total_seconds).toBe(await eligibleSeconds(t, demo, WEEKLY));
    expect(daily.entries.find((e) => e.user.id === id)!.total_seconds).toBe(await eligibleSeconds(t, demo, DAILY));
  });
});

describeBoth('leaderboard eligibility rules (heartbeats added to admin, who has none)', (t) => {
  const t0 = NOW_S - 5000;
  const admin = () => t.world.userByUsername(t.world.roles.admin)!;
  // An ordinary coding heartbeat; only time, category, editor and project matter here.
  const add = (time: number, over: Partial<HeartbeatDraft> = {}) =>
    t.world.addHeartbeat(admin().id, draft({ time, category: 'coding', editor: 'vscode', project: 'board', ...over }));
  const totalOn = async (path: string) => (await board(t, path)).entries.find((e) => e.user.id === admin().id)?.total_seconds;

  it('needs more than 60 s: 60 s is left out, 61 s is listed', async () => {
    expect(t.world.heartbeatsOf(admin().id)).toHaveLength(0);
    add(t0);
    add(t0 + 60);
    expect(await totalOn('/api/v1/leaderboard/daily')).toBeUndefined();
    add(t0 + 61);
    expect(await totalOn('/api/v1/leaderboard/daily')).toBe(61);
    expect(await totalOn('/api/v1/leaderboard/weekly')).toBe(61);
  });

  it('ignores browser editors (any case), <<LAST_PROJECT>> and categories other than exactly "coding"', async () => {
    add(t0 + 100, { editor: 'Chrome' });
    add(t0 + 130, { editor: 'FIREFOX' });
    add(t0 + 200, { project: '<<LAST_PROJECT>>' });
    add(t0 + 230, { project: '<<LAST_PROJECT>>' });
    add(t0 + 300, { category: 'Coding' });
    add(t0 + 320, { category: 'debugging' });
    expect(await totalOn('/api/v1/leaderboard/daily')).toBe(61);
    // A null editor and a null project still count: the gap from t0+61 is capped at 120 s.
    add(t0 + 400, { editor: null, project: null });
    expect(await totalOn('/api/v1/leaderboard/daily')).toBe(181);
    expect(await totalOn('/api/v1/leaderboard/daily')).toBe(await eligibleSeconds(t, admin().username!, DAILY));
  });

  it('daily: counts from exactly 24 h before now and stops before now', async () => {
    add(DAILY.from - 10);
    add(DAILY.from);
    add(DAILY.from + 20);
    add(NOW_S);
    // +20 between the two heartbeats inside, +120 (capped) from there to t0; the two outside add nothing.
    expect(await totalOn('/api/v1/leaderboard/daily')).toBe(181 + 20 + 120);
    expect(await totalOn('/api/v1/leaderboard/daily')).toBe(await eligibleSeconds(t, admin().username!, DAILY));
  });

  it('weekly: counts from 00:00 UTC six days back through the end of today, later heartbeats included', async () => {
    const before = await totalOn('/api/v1/leaderboard/weekly');
    add(WEEKLY.from - 5);
    add(WEEKLY.from);
    add(WEEKLY.from + 50);
    add(WEEKLY.to - 31);
    add(WEEKLY.to - 1);
    add(WEEKLY.to);
    const after = await totalOn('/api/v1/leaderboard/weekly');
    expect(after).toBe(await eligibleSeconds(t, admin().username!, WEEKLY));
    // +50 at the start, +30 near midnight and +120 each joining them to the rest; nothing from outside.
    expect(after! - before!).toBe(50 + 120 + 30 + 120);
  });

  it('keeps ranks contiguous and the whole board consistent after the changes', async () => {
    for (const [path, window] of [
      ['/api/v1/leaderboard/daily', DAILY],
      ['/api/v1/leaderboard/weekly', WEEKLY],
    ] as const) {
      const body = await board(t, path);
      expectWellFormed(body);
      expect(new Map(body.entries.map((e) => [e.user.id, e.total_seconds]))).toEqual(await expectedEntries(t, window));
    }
  });
});
