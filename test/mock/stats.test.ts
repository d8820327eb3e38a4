import { expect, it } from 'vitest';
import type { StatsItem } from '../../src/mock/answers/stats-breakdown.js';
import { groupedLag, lagSeconds } from '../helpers/heartbeats.js';
import { ACCEPT_JSON, ADMIN_KEY, bearer, DEMO_KEY, describeBoth, type MockTarget, PROFILE_TOKEN, READ_TOKEN } from '../helpers/mock.js';
import { credentials, type HeartbeatJson, rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';
import { responseSchema, validator } from '../helpers/spec.js';
import { spansOf } from './raw-heartbeats.js';

interface StatsData {
  username: string;
  user_id: string;
  start: string;
  end: string;
  total_seconds: number;
  daily_average: number;
  human_readable_total: string;
  human_readable_daily_average: string;
  languages?: StatsItem[];
  projects?: StatsItem[];
  unique_total_seconds?: number;
  streak: number;
}

/** Fetches, checks the status and that the body fits the operation's documented response. */
async function call(
  t: MockTarget,
  operationId: string,
  path: string,
  status: number,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const res = await t.fetch(path, { headers: { ...ACCEPT_JSON, ...headers } });
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBe(status);
  const body: unknown = res.headers.get('content-type')?.startsWith('text/plain') ? text : JSON.parse(text);
  const result = validator.validate(responseSchema(operationId, status), body);
  expect(result.ok ? [] : result.issues, `${path}: ${text}`).toEqual([]);
  return body;
}

const stats = async (t: MockTarget, query: string, headers: Record<string, string> = {}, user = t.world.roles.demo) =>
  ((await call(t, 'getUserStats', `/api/v1/users/${user}/stats?${query}`, 200, headers)) as { data: StatsData }).data;
const statsTotal = async (t: MockTarget, query: string) =>
  (
    (await call(t, 'getUserStats', `/api/v1/users/${t.world.roles.demo}/stats?total_seconds=true&${query}`, 200)) as {
      total_seconds: number;
    }
  ).total_seconds;

const at = (iso: string) => Date.parse(iso) / 1000;
const AUG1 = at('2026-08-01T00:00:00Z');
const AUG22 = at('2026-08-22T00:00:00Z');
const END_OF_TODAY = AUG22 + 86_400 - 1e-6;
const inWindow = (rows: HeartbeatJson[], from: number, to: number) => rows.filter((hb) => hb.time >= from && hb.time < to);
const round2 = (x: number) => Math.round(x * 100) / 100;
const hm = (s: number) => [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60] as const;

/** Each item against the independent per-group totals; `Other` stands for a blank name. */
function expectItems(items: StatsItem[], expected: Map<string | null, number>, total: number): void {
  const want = [...expected].map(([key, seconds]) => [key === null || key.trim() === '' ? 'Other' : key, seconds] as const);
  expect(items.map((i) => [i.name, i.total_seconds]).sort()).toEqual([...want].sort());
  for (const item of items) {
    const [h, m, s] = hm(item.total_seconds);
    expect(item).toMatchObject({
      hours: h,
      minutes: m,
      digital: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`,
    });
    expect(item.percent).toBeCloseTo(round2((100 * item.total_seconds) / total), 2);
  }
  const seconds = items.map((i) => i.total_seconds);
  expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
}

describeBoth('GET /api/v1/users/{username}/stats', (t) => {
  it('totals August 1–21 (end_date is exclusive) and each language like an independent count', async () => {
    const demo = await userWithRole(t, 'demo');
    const rows = inWindow(await rawHeartbeats(t, demo.username), AUG1, AUG22);
    const data = await stats(t, 'start_date=2026-08-01&end_date=2026-08-22');
    const total = lagSeconds(rows);
    expect(total).toBeGreaterThan(3600);
    expect(data).toMatchObject({
      username: demo.display_name,
      user_id: String(demo.id),
      start: '2026-08-01T00:00:00Z',
      end: '2026-08-22T00:00:00Z',
    });
    expect(data.total_seconds).toBe(total);
    expect(data.daily_average).toBe(Math.floor(total / 21));
    const [h, m, s] = hm(total);
    expect(data.human_readable_total).toBe([h && `${h}h`, m && `${m}m`, s && `${s}s`].filter(Boolean).join(' '));
    expectItems(
      data.languages!,
      groupedLag(rows, (hb) => hb.language),
      total,
    );
    for (const item of data.languages!) expect(item.color).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(data.projects).toBeUndefined();
    expect(data.streak).toBeGreaterThanOrEqual(0);
  });

  it('lists projects, cuts both lists to limit and scopes everything to filter_by_project', async () => {
    const rows = inWindow(await rawHeartbeats(t, t.world.roles.demo), AUG1, AUG22);
    const all = await stats(t, 'start_date=2026-08-01&end_date=2026-08-22&features=languages,projects');
    expectItems(
      all.projects!,
      groupedLag(rows, (hb) => hb.project),
      all.total_seconds,
    );
    const top = await stats(t, 'start_date=2026-08-01&end_date=2026-08-22&features=languages,projects&limit=2');
    expect(top.languages).toEqual(all.languages!.slice(0, 2));
    expect(top.projects).toEqual(all.projects!.slice(0, 2));

    const chosen = ['hackatime', 'harbor'];
    const scoped = rows.filter((hb) => hb.project !== null && chosen.includes(hb.project));
    const data = await stats(t, 'start_date=2026-08-01&end_date=2026-08-22&features=languages,projects&filter_by_project=hackatime,harbor');
    expect(data.total_seconds).toBe(lagSeconds(scoped));
    expectItems(
      data.projects!,
      groupedLag(scoped, (hb) => hb.project),
      data.total_seconds,
    );
    expectItems(
      data.languages!,
      groupedLag(scoped, (hb) => hb.language),
      data.total_seconds,
    );
    // Gaps over 120 s count nothing here, and only coding heartbeats of the projects (window inclusive).
    const coding = scoped.filter((hb) => hb.category === 'coding').sort((a, b) => a.time - b.time || a.id - b.id);
    let unique = 0;
    for (let i = 1; i < coding.length; i++) {
      const gap = coding[i]!.time - coding[i - 1]!.time;
      if (gap > 0 && gap <= 120) unique += gap;
    }
    expect(data.unique_total_seconds).toBe(Math.trunc(unique));
    const withoutProjects = await stats(t, 'start_date=2026-08-01&end_date=2026-08-22&filter_by_project=hackatime');
    expect(withoutProjects.unique_total_seconds).toBeUndefined();
  });

  it('reads features without trimming and limit like Ruby to_i; a negative limit is a 500 only when a list is built', async () => {
    const full = await stats(t, 'features=languages,projects');
    expect((await stats(t, 'features=languages, projects')).projects).toBeUndefined();
    const none = await stats(t, 'features=');
    expect([none.languages, none.projects]).toEqual([undefined, undefined]);
    for (const limit of ['0', 'abc', ''])
      expect((await stats(t, `features=languages,projects&limit=${limit}`)).languages).toEqual(full.languages);
    expect((await stats(t, 'limit=1x')).languages).toHaveLength(1);
    const page = { error: 'Internal Server Error', message: 'Something went wrong on our end, but we are looking into it!', status: 500 };
    expect(await call(t, 'getUserStats', `/api/v1/users/${t.world.roles.demo}/stats?limit=-1`, 500)).toEqual(page);
    await stats(t, 'limit=-1&features=');
    await statsTotal(t, 'limit=-1');
  });

  it('total_seconds=true: the window, category and project filters, no_ai_coding and boundary_aware', async () => {
    const rows = (await rawHeartbeats(t, t.world.roles.demo)).filter((hb) => hb.time < END_OF_TODAY);
    expect(await statsTotal(t, '')).toBe(lagSeconds(rows));
    const from = at('2026-08-10T12:00:00Z');
    const window = rows.filter((hb) => hb.time >= from);
    expect(await statsTotal(t, 'start_date=2026-08-10T12:00:00Z')).toBe(lagSeconds(window));
    expect(await statsTotal(t, 'start_date=2026-08-10T12:00:00Z&filter_by_category=coding,debugging')).toBe(
      lagSeconds(window.filter((hb) => hb.category === 'coding' || hb.category === 'debugging')),
    );
    expect(await statsTotal(t, 'start_date=2026-08-10T12:00:00Z&filter_by_project=hackatime&no_ai_coding=true')).toBe(
      lagSeconds(window.filter((hb) => hb.project === 'hackatime' && hb.category !== null && hb.category !== 'ai coding')),
    );
    const counted = rows.filter(
      (hb) => hb.category !== null && !['browsing', 'meeting', 'communicating'].includes(hb.category.toLowerCase()),
    );
    const before = counted.filter((hb) => hb.time < from).at(-1)!;
    expect(await statsTotal(t, 'start_date=2026-08-10T12:00:00Z&boundary_aware=true')).toBe(
      lagSeconds(
        counted.filter((hb) => hb.time >= from),
        before.time,
      ),
    );
    // filter_by_category is not read without total_seconds=true.
    expect((await stats(t, 'start_date=2026-08-10T12:00:00Z&filter_by_category=coding')).total_seconds).toBe(lagSeconds(window));
  });

  it('test_param=true: boundary-aware total up to an inclusive end, browsing and friends excluded, raw names', async () => {
    const from = at('2026-08-10T00:00:00Z');
    const to = at('2026-08-20T00:00:00Z');
    const counted = (await rawHeartbeats(t, t.world.roles.demo)).filter(
      (hb) => hb.category !== null && !['browsing', 'meeting', 'communicating'].includes(hb.category.toLowerCase()),
    );
    const data = await stats(t, 'test_param=true&start_date=2026-08-10&end_date=2026-08-20&features=languages,projects');
    const before = counted.filter((hb) => hb.time < from).at(-1)!;
    expect(data.total_seconds).toBe(
      lagSeconds(
        counted.filter((hb) => hb.time >= from && hb.time <= to),
        before.time,
      ),
    );
    expectItems(
      data.projects!,
      groupedLag(inWindow(counted, from, to), (hb) => hb.project),
      data.total_seconds,
    );
    expect(await statsTotal(t, 'test_param=true&start_date=2026-08-10&end_date=2026-08-20')).toBe(data.total_seconds);
  });

  it('parses start_date and end_date like Time.zone.parse in UTC', async () => {
    const cases: [string, string][] = [
      ['2026-08-01T12:00:00+05:30', '2026-08-01T06:30:00Z'],
      ['Aug 1 2026', '2026-08-01T00:00:00Z'],
      ['Sat, 01 Aug 2026 12:00:00 GMT', '2026-08-01T12:00:00Z'],
      ['20260801', '2026-08-01T00:00:00Z'],
      ['2026-08-01 09:15', '2026-08-01T09:15:00Z'],
      ['2026-02-30', '2026-03-02T00:00:00Z'],
      ['12:00', '2026-08-22T12:00:00Z'],
    ];
    for (const [raw, start] of cases) expect((await stats(t, `start_date=${encodeURIComponent(raw)}`)).start, raw).toBe(start);
    const defaults = await stats(t, '');
    expect([defaults.start, defaults.end]).toEqual(['2016-08-22T18:30:00Z', '2026-08-22T23:59:59Z']);
    expect((await stats(t, 'start_date=%20%20')).start).toBe(defaults.start);
  });

  it('answers 422 for dates it cannot parse, start first', async () => {
    const demo = t.world.roles.demo;
    const path = (q: string) => `/api/v1/users/${demo}/stats?${q}`;
    for (const bad of ['nope', '2026-13-01', `2026-08-01${' '.repeat(130)}`]) {
      expect(await call(t, 'getUserStats', path(`start_date=${encodeURIComponent(bad)}`), 422)).toEqual({ error: 'Invalid start_date' });
    }
    expect(await call(t, 'getUserStats', path('end_date=soon'), 422)).toEqual({ error: 'Invalid end_date' });
    expect(await call(t, 'getUserStats', path('start_date=x&end_date=y'), 422)).toEqual({ error: 'Invalid start_date' });
  });

  it('finds the user by username, id or Slack id, reports the display name, masks yellow', async () => {
    const demo = await userWithRole(t, 'demo');
    for (const id of [demo.username, String(demo.id), demo.slack_uid!])
      expect((await stats(t, 'features=', {}, id)).user_id).toBe(String(demo.id));
    const yellow = await userWithRole(t, 'yellow');
    const body = (await call(t, 'getUserStats', `/api/v1/users/${yellow.username}/stats`, 200)) as {
      data: StatsData;
      trust_factor: unknown;
    };
    expect(body.data.username).toBe(yellow.display_name);
    expect(body.trust_factor).toEqual({ trust_level: 'blue', trust_value: 0 });
    for (const id of ['nobody-here', '999999', '%20'])
      expect(await call(t, 'getUserStats', `/api/v1/users/${id}/stats`, 404)).toEqual({ error: 'User not found' });
    // A dot ends Rails' segment, so the route does not match at all.
    expect(await call(t, 'getUserStats', `/api/v1/users/${demo.username}.x/stats`, 404)).toMatchObject({
      error: 'Page Not Found',
      status: 404,
    });
  });
});

describeBoth('who may read per-user stats', (t) => {
  const forbidden = { error: 'user has disabled public stats' };

  it('private stats: 403 anonymous or for another user, 200 for the owner (API key or my)', async () => {
    const owner = await userWithRole(t, 'privateStats');
    const path = `/api/v1/users/${owner.username}/stats?start_date=nope`;
    // The privacy check runs before the dates are parsed.
    expect(await call(t, 'getUserStats', path, 403)).toEqual(forbidden);
    expect(await call(t, 'getUserStats', path, 403, bearer(DEMO_KEY))).toEqual(forbidden);
    expect(await call(t, 'getUserStats', path, 403, bearer(READ_TOKEN))).toEqual(forbidden);
    expect(await call(t, 'getUserStats', path, 422, bearer(owner.api_keys[0]!))).toEqual({ error: 'Invalid start_date' });
    for (const id of [owner.username, 'my', String(owner.id)]) {
      expect((await stats(t, '', bearer(owner.api_keys[0]!), id)).user_id).toBe(String(owner.id));
    }
    for (const op of ['heartbeats/spans', 'projects', 'projects/details', 'project/anything']) {
      const id = {
        'heartbeats/spans': 'getUserSpans',
        projects: 'getUserProjects',
        'projects/details': 'getUserProjectsDetails',
        'project/anything': 'getUserProject',
      }[op]!;
      expect(await call(t, id, `/api/v1/users/${owner.username}/${op}`, 403), op).toEqual(forbidden);
    }
  });

  it('my is the caller of a Bearer API key or read token; otherwise 404', async () => {
    const demo = await userWithRole(t, 'demo');
    expect((await stats(t, 'features=', bearer(DEMO_KEY), 'my')).user_id).toBe(String(demo.id));
    expect((await stats(t, 'features=', bearer(READ_TOKEN), 'my')).user_id).toBe(String(demo.id));
    const notFound = { error: 'User not found' };
    for (const headers of [
      {},
      bearer(PROFILE_TOKEN),
      bearer('not-a-key'),
      { Authorization: `Basic ${Buffer.from(DEMO_KEY).toString('base64')}` },
    ]) {
      expect(await call(t, 'getUserStats', '/api/v1/users/my/stats', 404, headers)).toEqual(notFound);
    }
    expect(await call(t, 'getUserStats', `/api/v1/users/my/stats?api_key=${DEMO_KEY}`, 404)).toEqual(notFound);
    // Restricted users (banned, pending deletion) are anonymous here.
    for (const role of ['banned', 'pendingDeletion']) {
      const user = await userWithRole(t, role);
      expect(await call(t, 'getUserStats', '/api/v1/users/my/stats', 404, bearer(user.api_keys[0]!)), role).toEqual(notFound);
    }
  });
});

describeBoth('GET /api/v1/users/{username}/heartbeats/spans', (t) => {
  const spans = async (query: string) =>
    ((await call(t, 'getUserSpans', `/api/v1/users/${t.world.roles.demo}/heartbeats/spans?${query}`, 200)) as { spans: unknown[] }).spans;

  it('matches an independent span computation over an inclusive window', async () => {
    const rows = await rawHeartbeats(t, t.world.roles.demo);
    const from = at('2026-08-19T00:00:00Z');
    const to = at('2026-08-21T12:00:00Z');
    const window = rows.filter((hb) => hb.time >= from && hb.time <= to);
    const expected = spansOf(window);
    expect(expected.length).toBeGreaterThan(2);
    expect(await spans('start_date=2026-08-19&end_date=2026-08-21T12:00:00Z')).toEqual(expected);
    expect(await spans('start_date=2026-08-19&end_date=2026-08-21T12:00:00Z&project=hackatime&filter_by_project=harbor')).toEqual(
      spansOf(window.filter((hb) => hb.project === 'hackatime')),
    );
    expect(await spans('start_date=2026-08-19&end_date=2026-08-21T12:00:00Z&filter_by_project=hackatime,harbor')).toEqual(
      spansOf(window.filter((hb) => hb.project === 'hackatime' || hb.project === 'harbor')),
    );
    expect(await spans('')).toEqual(spansOf(rows.filter((hb) => hb.time <= END_OF_TODAY)));
    expect(await spans('start_date=2030-01-01')).toEqual([]);
  });

  it('answers 422 and 404 like the stats endpoint', async () => {
    const demo = t.world.roles.demo;
    expect(await call(t, 'getUserSpans', `/api/v1/users/${demo}/heartbeats/spans?start_date=bad`, 422)).toEqual({
      error: 'Invalid start_date',
    });
    expect(await call(t, 'getUserSpans', `/api/v1/users/${demo}/heartbeats/spans?end_date=bad`, 422)).toEqual({
      error: 'Invalid end_date',
    });
    expect(await call(t, 'getUserSpans', '/api/v1/users/nobody-here/heartbeats/spans', 404)).toEqual({ error: 'User not found' });
  });
});

describeBoth('GET /api/v1/users/{username}/trust_factor', (t) => {
  it('shows the masked level to anyone, private stats or not; 404 for no one', async () => {
    const c = await credentials(t);
    for (const user of c.users) {
      const level = user.trust_level === 'yellow' ? 'blue' : user.trust_level;
      const expected = { trust_level: level, trust_value: { blue: 0, red: 1, green: 2 }[level] };
      expect(await call(t, 'getUserTrustFactor', `/api/v1/users/${user.username}/trust_factor`, 200), user.username).toEqual(expected);
      expect(await call(t, 'getUserTrustFactor', `/api/v1/users/${user.id}/trust_factor`, 200)).toEqual(expected);
      if (user.slack_uid)
        expect(await call(t, 'getUserTrustFactor', `/api/v1/users/${user.slack_uid}/trust_factor`, 200)).toEqual(expected);
    }
    for (const id of ['nobody-here', 'my', '999999', '%20']) {
      expect(await call(t, 'getUserTrustFactor', `/api/v1/users/${id}/trust_factor`, 404, bearer(DEMO_KEY))).toEqual({
        error: 'User not found',
      });
    }
  });
});

describeBoth('GET /api/v1/stats', (t) => {
  const admin = bearer(ADMIN_KEY);
  const total = async (query: string) => Number(await call(t, 'getGlobalStats', `/api/v1/stats?${query}`, 200, admin));

  it('totals one merged timeline of every user, in whole UTC days', async () => {
    const c = await credentials(t);
    const all = (await Promise.all(c.users.map((u) => rawHeartbeats(t, u.username)))).flat();
    expect(await total('')).toBe(lagSeconds(all));
    const from = at('2026-08-10T00:00:00Z');
    const to = at('2026-08-20T00:00:00Z') + 86_400;
    const expected = lagSeconds(all.filter((hb) => hb.time >= from && hb.time < to));
    for (const start of ['2026-08-10', '20260810', '2026-W33-1', '2026-222']) {
      expect(await total(`start_date=${start}&end_date=2026-08-20`), start).toBe(expected);
    }
    expect(await total('start_date=2030-01-01')).toBe(0);
    const res = await t.fetch('/api/v1/stats', { headers: admin });
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('narrows to one user by identifier or stored email', async () => {
    const demo = await userWithRole(t, 'demo');
    const own = lagSeconds(await rawHeartbeats(t, demo.username));
    for (const q of [`username=${demo.username}`, `username=${demo.slack_uid}`, `user_email=${encodeURIComponent(demo.email!)}`])
      expect(await total(q), q).toBe(own);
    const other = await userWithRole(t, 'yellow');
    expect(await total(`username=${demo.username}&user_email=${encodeURIComponent(other.email!)}`)).toBe(0);
  });

  it('answers 422, 404 and 401 with the documented bodies', async () => {
    const path = (q: string) => `/api/v1/stats?${q}`;
    for (const bad of ['Aug 10 2026', '2026-02-30', '2026-W31']) {
      expect(await call(t, 'getGlobalStats', path(`start_date=${encodeURIComponent(bad)}`), 422, admin)).toEqual({
        error: 'Invalid start_date',
      });
    }
    expect(await call(t, 'getGlobalStats', path('end_date=tomorrow'), 422, admin)).toEqual({ error: 'Invalid end_date' });
    for (const q of ['username=nobody-here', 'user_email=nobody%40example.com']) {
      expect(await call(t, 'getGlobalStats', path(q), 404, admin)).toEqual({ error: 'User not found' });
    }
    const unauthorized = { error: 'Unauthorized' };
    expect(await call(t, 'getGlobalStats', path(''), 401)).toEqual(unauthorized);
    expect(await call(t, 'getGlobalStats', path(''), 401, bearer(DEMO_KEY))).toEqual(unauthorized);
    expect(await call(t, 'getGlobalStats', path(`api_key=${ADMIN_KEY}`), 401)).toEqual(unauthorized);
    expect(await call(t, 'getGlobalStats', path(`api_key=${DEMO_KEY}`), 401)).toEqual(unauthorized);
  });
});
